using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// Attribute-routed controller actions that answer GET: the class [Route] templates combined with the action's
/// [HttpGet]/[Route] templates, [controller]/[action] tokens replaced, as MVC builds them.
/// </summary>
internal sealed class ControllerRouteReader
{
    private readonly WellKnownTypes types;

    public ControllerRouteReader(WellKnownTypes types)
    {
        this.types = types;
    }

    /// <summary>
    /// The GET actions of a controller: attribute-routed ones as endpoints, the others for conventional routes. A
    /// controller read from metadata (an application part) is reported at <paramref name="metadataLocation"/>.
    /// </summary>
    public void ReadActions(INamedTypeSymbol type, Location? metadataLocation, ICollection<MappedEndpoint> attributeRouted, ICollection<ConventionalAction> conventional)
    {
        if (types.RouteTemplateProvider is null || !IsController(type))
        {
            return;
        }

        var classTemplates = ClassTemplates(type);
        var classConventions = Conventions(AttributesWithBases(type), EndpointConventions.None);
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsGenericMethod: false } method
                || HasAttribute(method, types.NonActionAttribute)
                || (method.Locations.FirstOrDefault() is { IsInSource: true } source ? source : metadataLocation) is not { } location)
            {
                continue;
            }

            var conventions = Conventions(method.GetAttributes(), classConventions);
            var facts = new EndpointFacts(null, null, controllerAction: true, false, null);
            if (classTemplates.Length == 0 && !HasRouteTemplate(method))
            {
                conventional.Add(new ConventionalAction(ControllerName(type), ActionName(method), AnswersGetByVerbs(method), conventions, location));
                continue;
            }

            foreach (var template in ActionTemplates(method, classTemplates))
            {
                attributeRouted.Add(new MappedEndpoint(EndpointKind.Get, BuilderOrigin.Root, ReplaceTokens(template, type, method), conventions, location, null, facts));
            }
        }
    }

    private bool HasRouteTemplate(IMethodSymbol method) =>
        method.GetAttributes().Any(attribute => WellKnownTypes.Implements(attribute.AttributeClass, types.RouteTemplateProvider) && HasTemplate(attribute));

    private bool AnswersGetByVerbs(IMethodSymbol method)
    {
        var verbs = method.GetAttributes().Where(attribute => WellKnownTypes.Implements(attribute.AttributeClass, types.HttpMethodAttribute)).ToList();
        return verbs.Count == 0 || verbs.Any(AnswersGet);
    }

    private static string ControllerName(INamedTypeSymbol type) =>
        type.Name.EndsWith("Controller", StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Controller".Length) : type.Name;

    private string ActionName(IMethodSymbol method) =>
        method.GetAttributes().FirstOrDefault(attribute => WellKnownTypes.Is(attribute.AttributeClass, types.ActionNameAttribute))
            ?.ConstructorArguments.FirstOrDefault().Value as string
        ?? (method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name.Substring(0, method.Name.Length - "Async".Length) : method.Name);

    /// <summary>MVC's rule (public, concrete, non-generic, top-level; "Controller" suffix, ControllerBase or [Controller]; no [NonController]), cheapest checks first: binding attributes is the expensive part.</summary>
    private bool IsController(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class
            || type.IsAbstract
            || type.IsStatic
            || type.IsGenericType
            || type.DeclaredAccessibility != Accessibility.Public
            || type.ContainingType is not null)
        {
            return false;
        }

        var byConvention = type.Name.EndsWith("Controller", StringComparison.Ordinal) || InheritsFrom(type, types.ControllerBase);
        if (!byConvention && type.Locations.Length > 0 && type.Locations[0].IsInSource && !DeclaresAttributes(type))
        {
            return false;
        }

        var attributes = AttributesWithBases(type).ToList();
        return !attributes.Any(attribute => WellKnownTypes.Is(attribute.AttributeClass, types.NonControllerAttribute))
            && (byConvention || attributes.Any(attribute => WellKnownTypes.Implements(attribute.AttributeClass, types.ControllerAttribute)));
    }

    private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (var current = type.BaseType; current is not null && baseType is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A syntax-only pre-filter: a POCO controller needs [Controller] written on it.</summary>
    private static bool DeclaresAttributes(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax { AttributeLists.Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Route attributes are inherited: the nearest class that declares any supplies them.</summary>
    private ImmutableArray<string?> ClassTemplates(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var templates = current.GetAttributes()
                .Where(attribute => WellKnownTypes.Implements(attribute.AttributeClass, types.RouteTemplateProvider))
                .Select(Template)
                .ToImmutableArray();
            if (templates.Length > 0)
            {
                return templates;
            }
        }

        return ImmutableArray<string?>.Empty;
    }

    /// <summary>The action's full templates when it answers GET; none when it is conventionally routed or never answers GET.</summary>
    private IEnumerable<string?> ActionTemplates(IMethodSymbol method, ImmutableArray<string?> classTemplates)
    {
        // Loops, not LINQ over (bool, string) pairs and TypedConstants: each generic instantiation over a struct is
        // JIT-compiled afresh in every compiler process.
        var answersGet = false;
        var hasVerbs = false;
        var actionTemplates = new List<string?>();
        foreach (var attribute in method.GetAttributes())
        {
            if (!WellKnownTypes.Implements(attribute.AttributeClass, types.RouteTemplateProvider))
            {
                continue;
            }

            var verb = WellKnownTypes.Implements(attribute.AttributeClass, types.HttpMethodAttribute);
            var get = verb && AnswersGet(attribute);
            hasVerbs |= verb;
            answersGet |= get;
            if ((!verb || get) && HasTemplate(attribute))
            {
                actionTemplates.Add(Template(attribute));
            }
        }

        if (hasVerbs && !answersGet)
        {
            return Enumerable.Empty<string?>();
        }

        if (actionTemplates.Count == 0)
        {
            return classTemplates;
        }

        var combined = new List<string?>();
        foreach (var template in actionTemplates)
        {
            if (template is null)
            {
                combined.Add(null);
            }
            else if (template.StartsWith("/", StringComparison.Ordinal) || template.StartsWith("~/", StringComparison.Ordinal))
            {
                combined.Add(template);
            }
            else if (classTemplates.Length == 0)
            {
                combined.Add(template);
            }
            else
            {
                combined.AddRange(classTemplates.Select(prefix => prefix is null ? null : RoutePath.Combine(prefix, template)));
            }
        }

        return combined;
    }

    private bool AnswersGet(AttributeData attribute)
    {
        if (WellKnownTypes.Is(attribute.AttributeClass, types.HttpGetAttribute))
        {
            return true;
        }

        if (!WellKnownTypes.Is(attribute.AttributeClass, types.AcceptVerbsAttribute))
        {
            return false;
        }

        return attribute.ConstructorArguments.SelectMany(Values)
            .Any(value => value is not string verb || string.Equals(verb, "GET", StringComparison.OrdinalIgnoreCase));
    }

    private static bool HasTemplate(AttributeData attribute)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Type?.SpecialType == SpecialType.System_String)
            {
                return true;
            }
        }

        return NamedTemplate(attribute) is not null;
    }

    private static string? Template(AttributeData attribute)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Primitive && argument.Value is string text)
            {
                return text;
            }
        }

        return NamedTemplate(attribute) is { } named ? named.Value as string ?? "" : "";
    }

    private static TypedConstant? NamedTemplate(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Template")
            {
                return argument.Value;
            }
        }

        return null;
    }

    private EndpointConventions Conventions(IEnumerable<AttributeData> attributes, EndpointConventions outer)
    {
        var conventions = EndpointConventions.None;
        foreach (var attribute in attributes)
        {
            var location = attribute.ApplicationSyntaxReference is { } reference
                ? Location.Create(reference.SyntaxTree, reference.Span)
                : Location.None;
            if (WellKnownTypes.Implements(attribute.AttributeClass, types.AllowAnonymous))
            {
                conventions = conventions.WithAnonymous();
            }
            else if (WellKnownTypes.Implements(attribute.AttributeClass, types.AuthorizeData))
            {
                conventions = conventions.WithAuthorization(location, "[" + attribute.AttributeClass!.Name.Replace("Attribute", "") + "]");
            }
            else if (WellKnownTypes.Is(attribute.AttributeClass, types.HostAttribute))
            {
                var hosts = attribute.ConstructorArguments.SelectMany(Values).ToList();
                conventions = conventions.WithHosts(new HostRestriction(
                    hosts.All(host => host is string) ? hosts.Cast<string>().ToImmutableArray() : default,
                    location));
            }
        }

        return conventions.Within(outer);
    }

    private static IEnumerable<object?> Values(TypedConstant constant) =>
        constant.Kind == TypedConstantKind.Array ? constant.Values.Select(value => value.Value) : new[] { constant.Value };

    private static IEnumerable<AttributeData> AttributesWithBases(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                yield return attribute;
            }
        }
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType) =>
        symbol.GetAttributes().Any(attribute => WellKnownTypes.Is(attribute.AttributeClass, attributeType));

    private string? ReplaceTokens(string? template, INamedTypeSymbol type, IMethodSymbol method)
    {
        if (template is null)
        {
            return null;
        }

        var controller = ControllerName(type);
        var action = ActionName(method);
        var replaced = ReplaceIgnoringCase(ReplaceIgnoringCase(template, "[controller]", controller), "[action]", action);

        // Any other token ([area], custom IOutboundParameterTransformer output) is not known here.
        return replaced.IndexOf('[') >= 0 ? null : replaced;
    }

    private static string ReplaceIgnoringCase(string text, string token, string value)
    {
        var index = text.IndexOf(token, StringComparison.OrdinalIgnoreCase);
        while (index >= 0)
        {
            text = text.Substring(0, index) + value + text.Substring(index + token.Length);
            index = text.IndexOf(token, index + value.Length, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
