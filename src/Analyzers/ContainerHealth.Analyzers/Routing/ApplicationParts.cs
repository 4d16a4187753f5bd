using System.Collections.Generic;
using System.Threading;
using ContainerHealth.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// MVC's application parts: referenced assemblies that reference MVC contribute their controllers, so their routes are
/// read from metadata (route attributes) and reported at the MapControllers / MapControllerRoute call.
/// </summary>
internal static class ApplicationParts
{
    /// <summary>The app's own controllers, then those of referenced assemblies that reference MVC.</summary>
    public static void ReadControllers(Compilation compilation, ControllerRouteReader controllers, Location mapping, List<MappedEndpoint> actions, List<ConventionalAction> conventional, CancellationToken cancellationToken)
    {
        foreach (var type in TypesOf(compilation.Assembly, nested: false, cancellationToken))
        {
            controllers.ReadActions(type, mapping, actions, conventional);
        }

        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly
                || FrameworkAssembly.Is(assembly)
                || !FrameworkAssembly.References(assembly, "Microsoft.AspNetCore.Mvc.Core"))
            {
                continue;
            }

            foreach (var type in TypesOf(assembly, nested: false, cancellationToken))
            {
                controllers.ReadActions(type, mapping, actions, conventional);
            }
        }
    }

    /// <summary>The types an assembly declares: top-level ones (where MVC looks for controllers), or nested ones too.</summary>
    public static IEnumerable<INamedTypeSymbol> TypesOf(IAssemblySymbol assembly, bool nested, CancellationToken cancellationToken)
    {
        var namespaces = new Stack<INamespaceSymbol>();
        var types = new Stack<INamedTypeSymbol>();
        namespaces.Push(assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in namespaces.Pop().GetMembers())
            {
                if (member is INamespaceSymbol child)
                {
                    namespaces.Push(child);
                }
                else if (member is INamedTypeSymbol type)
                {
                    types.Push(type);
                }
            }

            while (types.Count > 0)
            {
                var type = types.Pop();
                yield return type;
                if (nested)
                {
                    foreach (var inner in type.GetTypeMembers())
                    {
                        types.Push(inner);
                    }
                }
            }
        }
    }
}
