using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using ContainerHealth.Analyzers.Internals;
using ContainerHealth.Analyzers.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.Analyzers.HostFiltering;

/// <summary>
/// Host filtering set in code: <c>options.AllowedHosts = [...]</c> or <c>options.AllowedHosts.Add(...)</c> on
/// HostFilteringOptions (in Configure&lt;HostFilteringOptions&gt;). Code wins over the AllowedHosts setting of the
/// appsettings files (the web host fills it in only when the code left the list empty), so the build, which reads
/// those files, cannot make the probe's Host header pass: the analyzer says so.
/// </summary>
internal sealed class HostFilterReader
{
    private readonly ConcurrentQueue<HostFilterSite> sites = new();

    public ImmutableArray<HostFilterSite> Sites => sites.ToImmutableArray();

    public void RecordAssignment(IOperation operation)
    {
        if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment && IsAllowedHosts(target.Property))
        {
            var elements = assignment.Value.Elements();
            Add(elements.IsDefault ? default : elements.Select(element => element.ConstantString()).ToImmutableArray(), assignment);
        }
    }

    /// <summary>A framework call: AllowedHosts.Add("host"); false when it is not one.</summary>
    public bool RecordInvocation(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name != "Add" || invocation.Instance.Unwrap() is not IPropertyReferenceOperation target || !IsAllowedHosts(target.Property))
        {
            return false;
        }

        Add(ImmutableArray.Create(invocation.Arguments.Length == 1 ? invocation.Arguments[0].Value.ConstantString() : null), invocation);
        return true;
    }

    private static bool IsAllowedHosts(IPropertySymbol property) =>
        property.Name == "AllowedHosts" && property.ContainingType?.ToDisplayString() == "Microsoft.AspNetCore.HostFiltering.HostFilteringOptions";

    private void Add(ImmutableArray<string?> hosts, IOperation operation)
    {
        if (EnvironmentCondition.SkippedInProduction(operation.Syntax) is not null)
        {
            return;
        }

        sites.Enqueue(new HostFilterSite(
            hosts.IsDefault || hosts.Any(host => host is null) ? default : hosts.Select(host => host!).ToImmutableArray(),
            operation.Syntax.GetLocation()));
    }
}
