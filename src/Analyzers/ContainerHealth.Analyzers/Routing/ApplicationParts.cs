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
    public static void ReadControllers(Compilation compilation, ControllerRouteReader controllers, Location mapping, List<MappedEndpoint> actions, List<ConventionalAction> conventional, CancellationToken cancellationToken)
    {
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly
                || FrameworkAssembly.Is(assembly)
                || !FrameworkAssembly.References(assembly, "Microsoft.AspNetCore.Mvc.Core"))
            {
                continue;
            }

            var pending = new Stack<INamespaceSymbol>();
            pending.Push(assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = pending.Pop();
                foreach (var member in current.GetMembers())
                {
                    if (member is INamespaceSymbol child)
                    {
                        pending.Push(child);
                    }
                    else if (member is INamedTypeSymbol type)
                    {
                        controllers.ReadActions(type, mapping, actions, conventional);
                    }
                }
            }
        }
    }

}
