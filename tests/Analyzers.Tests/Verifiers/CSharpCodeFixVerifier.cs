using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ContainerHealth.Analyzers.Tests.Verifiers;

public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = AspNetCoreReferences.None;

            // The rules see the whole compilation, so they report at compilation end (non-local diagnostics):
            // their fixes show in the build output and with full-solution analysis, which is what we test.
            CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        }

        /// <summary>The CH0xxx IDs this test checks; the analyzer's other rules are disabled. Null: all of them.</summary>
        public ISet<string>? Rules { get; set; } = ContainerHealthTestState.RulesOf(new TCodeFix());

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
