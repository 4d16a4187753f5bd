using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Infrastructure;

/// <summary>
/// Whether an assembly is part of .NET or ASP.NET Core: signed with Microsoft's keys, not only named like it (a user's
/// "SystemsApi.ServiceDefaults" is not the framework).
/// </summary>
internal static class FrameworkAssembly
{
    // The public key tokens of the .NET runtime (ECMA and Microsoft keys) and ASP.NET Core assemblies.
    private static readonly ImmutableArray<string> Tokens = ImmutableArray.Create(
        "b77a5c561934e089",
        "b03f5f7f11d50a3a",
        "cc7b13ffcd2ddd51",
        "adb9793829ddae60",
        "31bf3856ad364e35",
        "7cec85d7bea7798e");

    public static bool Is(IAssemblySymbol? assembly)
    {
        var name = assembly?.Name ?? "";
        var token = assembly?.Identity.PublicKeyToken ?? ImmutableArray<byte>.Empty;
        if (token.Length != 8 || !(name.StartsWith("Microsoft.", StringComparison.Ordinal) || name.StartsWith("System.", StringComparison.Ordinal)
            || name is "System" or "mscorlib" or "netstandard"))
        {
            return false;
        }

        var hex = new System.Text.StringBuilder(16);
        foreach (var value in token)
        {
            hex.Append(value.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return Tokens.Contains(hex.ToString());
    }

    /// <summary>Whether <paramref name="assembly"/> was compiled against the assembly named <paramref name="name"/>.</summary>
    public static bool References(IAssemblySymbol assembly, string name)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var identity in module.ReferencedAssemblies)
            {
                if (identity.Name == name)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
