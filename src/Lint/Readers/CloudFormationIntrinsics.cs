using System.Text.Json;

namespace ContainerHealth.Lint;

/// <summary>
/// CloudFormation's long-form functions in a template: <c>{"Fn::Sub": "text"}</c> reads as its text, and <c>{"Ref": ...}</c>
/// or any other <c>{"Fn::...": ...}</c> as a value only the stack knows (<see cref="JsonTokenType.None"/>).
/// </summary>
internal static class CloudFormationIntrinsics
{
    public static PositionedJson Resolve(PositionedJson value)
    {
        if (value.Kind == JsonTokenType.StartObject && value.Properties.Count == 1)
        {
            var (name, argument) = value.Properties.First();
            if (name == "Fn::Sub")
            {
                var text = argument.Kind == JsonTokenType.String ? argument.Text : argument.Items.FirstOrDefault()?.Text;
                return PositionedJson.Create(text is null ? JsonTokenType.None : JsonTokenType.String, value.Line, value.Column, text);
            }

            if (name == "Ref" || name.StartsWith("Fn::", StringComparison.Ordinal))
            {
                return PositionedJson.Create(JsonTokenType.None, value.Line, value.Column);
            }
        }

        return value;
    }

    /// <summary>Resolves every function in a JSON template's subtree, in place.</summary>
    public static PositionedJson ResolveAll(PositionedJson value)
    {
        foreach (var name in value.Properties.Keys.ToList())
        {
            value.Properties[name] = ResolveAll(value.Properties[name]);
        }

        for (var i = 0; i < value.Items.Count; i++)
        {
            value.Items[i] = ResolveAll(value.Items[i]);
        }

        return Resolve(value);
    }
}
