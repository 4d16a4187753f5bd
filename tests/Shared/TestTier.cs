using System.Reflection;

namespace ContainerHealth.Testing;

/// <summary>
/// The tiers a test class declares with one class-level <c>[Trait("Tier", ...)]</c>. build/test.sh --fast runs exactly
/// <see cref="Unit"/>; the full run runs every tier. A class says what it needs, so a slow one cannot slip into the fast tier.
/// </summary>
public static class TestTier
{
    public const string Trait = "Tier";

    /// <summary>Nothing but the compiler, the runtime and temporary files: in-memory compilations, parsers, rules, planners.</summary>
    public const string Unit = "Unit";

    /// <summary>Something outside the test process: the test registry, a Docker or Podman engine, local servers
    /// (Kestrel, nginx, node), tools such as skopeo, qemu or bwrap, or the packed package (the shipped probe, the installed CLI).</summary>
    public const string Engine = "Engine";

    /// <summary>A <c>dotnet publish</c> or <c>dotnet build</c> of an app project in a child process (minutes, not seconds).</summary>
    public const string Publish = "Publish";

    public static readonly IReadOnlyList<string> All = [Unit, Engine, Publish];

    /// <summary>What is wrong with the tier declarations of these types, one line each; empty when every test class declares one known tier.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<Type> types)
    {
        var problems = new List<string>();
        foreach (var type in types.Where(IsTestClass))
        {
            var tiers = TierValues(type.GetCustomAttributesData()).ToArray();
            switch (tiers)
            {
                case []:
                    problems.Add($"{type.FullName}: no [Trait(\"{Trait}\", ...)]; add one of {string.Join(", ", All)} on the class");
                    break;
                case [var tier] when !All.Contains(tier):
                    problems.Add($"{type.FullName}: unknown tier '{tier}'; use one of {string.Join(", ", All)}");
                    break;
                case [_]:
                    break;
                default:
                    problems.Add($"{type.FullName}: {tiers.Length} tiers ({string.Join(", ", tiers)}); declare exactly one");
                    break;
            }

            foreach (var method in TestMethods(type).Where(m => TierValues(m.GetCustomAttributesData()).Any()))
            {
                problems.Add($"{type.FullName}.{method.Name}: a tier on a method adds to the class's; declare it on the class only");
            }

            if (tiers is [Unit] && SharedFixtures(type).FirstOrDefault() is { } fixture)
            {
                problems.Add($"{type.FullName}: a {Unit} class uses the test bed's {fixture.Name}; declare {Engine} or {Publish}");
            }
        }

        return problems;
    }

    private static bool IsTestClass(Type type) => type is { IsClass: true, IsAbstract: false } && TestMethods(type).Any();

    private static IEnumerable<MethodInfo> TestMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any());

    private static IEnumerable<string> TierValues(IEnumerable<CustomAttributeData> attributes) =>
        attributes
            .Where(a => a.AttributeType == typeof(TraitAttribute) && a.ConstructorArguments is [{ Value: Trait }, _])
            .Select(a => (string)a.ConstructorArguments[1].Value!);

    private static IEnumerable<Type> SharedFixtures(Type type) =>
        type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>))
            .Select(i => i.GetGenericArguments()[0])
            .Where(f => f.Assembly.GetName().Name == "ContainerHealth.TestBed");
}
