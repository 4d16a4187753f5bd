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
    // The public key tokens of the .NET runtime (ECMA and Microsoft keys) and ASP.NET Core assemblies. Compared as bytes:
    // this runs for every invocation in the compilation, so it allocates nothing.
    private static readonly byte[][] Tokens =
    [
        [0xb7, 0x7a, 0x5c, 0x56, 0x19, 0x34, 0xe0, 0x89],
        [0xb0, 0x3f, 0x5f, 0x7f, 0x11, 0xd5, 0x0a, 0x3a],
        [0xcc, 0x7b, 0x13, 0xff, 0xcd, 0x2d, 0xdd, 0x51],
        [0xad, 0xb9, 0x79, 0x38, 0x29, 0xdd, 0xae, 0x60],
        [0x31, 0xbf, 0x38, 0x56, 0xad, 0x36, 0x4e, 0x35],
        [0x7c, 0xec, 0x85, 0xd7, 0xbe, 0xa7, 0x79, 0x8e],
    ];

    public static bool Is(IAssemblySymbol? assembly)
    {
        var name = assembly?.Name ?? "";
        var token = assembly?.Identity.PublicKeyToken ?? ImmutableArray<byte>.Empty;
        if (token.Length != 8 || !(name.StartsWith("Microsoft.", StringComparison.Ordinal) || name.StartsWith("System.", StringComparison.Ordinal)
            || name is "System" or "mscorlib" or "netstandard"))
        {
            return false;
        }

        foreach (var known in Tokens)
        {
            var same = true;
            for (var i = 0; i < 8 && same; i++)
            {
                same = token[i] == known[i];
            }

            if (same)
            {
                return true;
            }
        }

        return false;
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
