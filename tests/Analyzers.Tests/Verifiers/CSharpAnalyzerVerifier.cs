using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ContainerHealth.Analyzers.Tests.Verifiers;

public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = AspNetCoreReferences.None;
        }

        /// <summary>The CH0xxx IDs this test checks; the analyzer's other rules are disabled. Null: all of them.</summary>
        public ISet<string>? Rules { get; set; }

        /// <summary>False compiles against .NET alone, as a plain console app would.</summary>
        public bool AspNetCore { get; set; } = true;

        public Dictionary<string, string> Properties { get; } = new(ContainerHealthTestState.DefaultProperties);

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            ContainerHealthTestState.Apply(TestState, Properties, AspNetCore);
            if (Rules is not null)
            {
                DisabledDiagnostics.AddRange(ContainerHealthTestState.AllIds.Except(Rules));
            }

            return base.RunImplAsync(cancellationToken);
        }
    }
}
