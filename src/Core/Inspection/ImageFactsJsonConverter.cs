using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContainerHealth.Inspection;

/// <summary>
/// <see cref="ImageFacts"/> as JSON, field by field, in the format the serializer's own metadata wrote (camelCase,
/// enums as numbers, timings as <c>d.hh:mm:ss</c>). Written out because every inspection reads and writes facts in a
/// fresh MSBuild, where the serializer's generic code for each value-typed property (the two enums, <c>bool?</c>,
/// <c>int?</c>, <c>TimeSpan?</c>) is JIT-compiled again: about 300 methods that ReadyToRun cannot hold, as they are the
/// framework's generic code over other types. The facts' tests pin the bytes.
/// </summary>
public sealed class ImageFactsJsonConverter : JsonConverter<ImageFacts>
{
    public override ImageFacts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? image = null, platform = null;
        var facts = new ImageFacts { Image = "", Platform = "" };
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            Next(ref reader);
            switch (name.ToLowerInvariant())
            {
                case "image": image = String(ref reader); break;
                case "platform": platform = String(ref reader); break;
                case "manifestdigest": facts = facts with { ManifestDigest = String(ref reader) }; break;
                case "source": facts = facts with { Source = (FactsSource)Int(ref reader) }; break;
                case "inspectionfailure": facts = facts with { InspectionFailure = String(ref reader) }; break;
                case "hasshell": facts = facts with { HasShell = reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean() }; break;
                case "shelltarget": facts = facts with { ShellTarget = String(ref reader) }; break;
                case "searchpath": facts = facts with { SearchPath = Strings(ref reader) }; break;
                case "executablesonpath": facts = facts with { ExecutablesOnPath = Strings(ref reader) }; break;
                case "knownabsent": facts = facts with { KnownAbsent = Strings(ref reader) }; break;
                case "busyboxapplets": facts = facts with { BusyboxApplets = Strings(ref reader) }; break;
                case "libc": facts = facts with { Libc = (LibcKind)Int(ref reader) }; break;
                case "user": facts = facts with { User = String(ref reader) }; break;
                case "environment": facts = facts with { Environment = Strings(ref reader) }; break;
                case "exposedports": facts = facts with { ExposedPorts = Strings(ref reader) }; break;
                case "workingdirectory": facts = facts with { WorkingDirectory = String(ref reader) }; break;
                case "healthcheck": facts = facts with { Healthcheck = reader.TokenType == JsonTokenType.Null ? null : ReadHealthcheck(ref reader) }; break;
                default: reader.Skip(); break;
            }
        }

        return image is null || platform is null
            ? throw new JsonException("the facts name no image or platform")
            : facts with { Image = image, Platform = platform };
    }

    public override void Write(Utf8JsonWriter writer, ImageFacts value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteString(writer, "image", value.Image);
        WriteString(writer, "platform", value.Platform);
        WriteString(writer, "manifestDigest", value.ManifestDigest);
        writer.WriteNumber("source", (int)value.Source);
        WriteString(writer, "inspectionFailure", value.InspectionFailure);
        if (value.HasShell is { } hasShell)
        {
            writer.WriteBoolean("hasShell", hasShell);
        }
        else
        {
            writer.WriteNull("hasShell");
        }

        WriteString(writer, "shellTarget", value.ShellTarget);
        WriteStrings(writer, "searchPath", value.SearchPath);
        WriteStrings(writer, "executablesOnPath", value.ExecutablesOnPath);
        WriteStrings(writer, "knownAbsent", value.KnownAbsent);
        WriteStrings(writer, "busyboxApplets", value.BusyboxApplets);
        writer.WriteNumber("libc", (int)value.Libc);
        WriteString(writer, "user", value.User);
        WriteStrings(writer, "environment", value.Environment);
        WriteStrings(writer, "exposedPorts", value.ExposedPorts);
        WriteString(writer, "workingDirectory", value.WorkingDirectory);
        if (value.Healthcheck is { } healthcheck)
        {
            writer.WritePropertyName("healthcheck");
            WriteHealthcheck(writer, healthcheck);
        }
        else
        {
            writer.WriteNull("healthcheck");
        }

        writer.WriteBoolean("hasCurl", value.HasCurl);
        writer.WriteBoolean("hasWget", value.HasWget);
        writer.WriteEndObject();
    }

    private static ImageHealthcheck ReadHealthcheck(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var healthcheck = new ImageHealthcheck([]);
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            Next(ref reader);
            switch (name.ToLowerInvariant())
            {
                case "test": healthcheck = healthcheck with { Test = Strings(ref reader) }; break;
                case "interval": healthcheck = healthcheck with { Interval = Duration(ref reader) }; break;
                case "timeout": healthcheck = healthcheck with { Timeout = Duration(ref reader) }; break;
                case "startperiod": healthcheck = healthcheck with { StartPeriod = Duration(ref reader) }; break;
                case "startinterval": healthcheck = healthcheck with { StartInterval = Duration(ref reader) }; break;
                case "retries": healthcheck = healthcheck with { Retries = reader.TokenType == JsonTokenType.Null ? null : Int(ref reader) }; break;
                default: reader.Skip(); break;
            }
        }

        return healthcheck;
    }

    private static void WriteHealthcheck(Utf8JsonWriter writer, ImageHealthcheck healthcheck)
    {
        writer.WriteStartObject();
        WriteStrings(writer, "test", healthcheck.Test);
        WriteDuration(writer, "interval", healthcheck.Interval);
        WriteDuration(writer, "timeout", healthcheck.Timeout);
        WriteDuration(writer, "startPeriod", healthcheck.StartPeriod);
        WriteDuration(writer, "startInterval", healthcheck.StartInterval);
        if (healthcheck.Retries is { } retries)
        {
            writer.WriteNumber("retries", retries);
        }
        else
        {
            writer.WriteNull("retries");
        }

        writer.WriteEndObject();
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("the facts end too early");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"expected {token} in the facts, found {reader.TokenType}");
        }
    }

    private static string? String(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw new JsonException($"expected a string in the facts, found {reader.TokenType}"),
        };

    /// <summary>A number, or a number in a string (the web convention the facts were written with reads both).</summary>
    private static int Int(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : reader.GetInt32();

    private static List<string> Strings(ref Utf8JsonReader reader)
    {
        List<string> values = [];
        if (reader.TokenType == JsonTokenType.Null)
        {
            return values;
        }

        Expect(ref reader, JsonTokenType.StartArray);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            values.Add(String(ref reader) ?? throw new JsonException("a list in the facts holds null"));
        }

        return values;
    }

    private static TimeSpan? Duration(ref Utf8JsonReader reader) =>
        String(ref reader) is { } text
            ? TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var duration) ? duration : throw new JsonException($"'{text}' is not a duration")
            : null;

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteDuration(Utf8JsonWriter writer, string name, TimeSpan? value) =>
        WriteString(writer, name, value?.ToString("c", CultureInfo.InvariantCulture));
}
