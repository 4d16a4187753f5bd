using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ContainerHealth.CodeFixes.Editing;

/// <summary>Adds one statement next to existing ones, indented like its neighbours, in blocks and top-level programs.</summary>
internal static class StatementPlacement
{
    public static void InsertBefore(DocumentEditor editor, StatementSyntax anchor, string code)
    {
        var statement = Parse(code, anchor);
        if (anchor.Parent is GlobalStatementSyntax global)
        {
            editor.InsertBefore(global, SyntaxFactory.GlobalStatement(statement));
        }
        else
        {
            editor.InsertBefore(anchor, statement);
        }
    }

    public static void InsertAfter(DocumentEditor editor, StatementSyntax anchor, string code)
    {
        var statement = Parse(code, anchor);
        if (anchor.Parent is GlobalStatementSyntax global)
        {
            editor.InsertAfter(global, SyntaxFactory.GlobalStatement(statement));
        }
        else
        {
            editor.InsertAfter(anchor, statement);
        }
    }

    public static void Append(DocumentEditor editor, BlockSyntax block, string code)
    {
        if (block.Statements.LastOrDefault() is { } last)
        {
            InsertAfter(editor, last, code);
            return;
        }

        var statement = SyntaxFactory.ParseStatement(code).WithAdditionalAnnotations(Formatter.Annotation);
        editor.ReplaceNode(block, block.AddStatements(statement).WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary>The statement that holds <paramref name="node"/>, when it sits in a block or a top-level program.</summary>
    public static StatementSyntax? EnclosingStatement(SyntaxNode node)
    {
        var statement = node.FirstAncestorOrSelf<StatementSyntax>();
        return statement?.Parent is BlockSyntax or GlobalStatementSyntax ? statement : null;
    }

    private static StatementSyntax Parse(string code, StatementSyntax anchor)
    {
        var indentation = anchor.GetLeadingTrivia().LastOrDefault(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia));
        // The last statement of a file may have no line break of its own: take the file's.
        var newLine = anchor.GetTrailingTrivia().Concat(anchor.SyntaxTree.GetRoot().DescendantTrivia())
            .FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        var statement = SyntaxFactory.ParseStatement(code);
        return statement
            .WithLeadingTrivia(indentation == default ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation))
            .WithTrailingTrivia(newLine == default ? SyntaxFactory.ElasticCarriageReturnLineFeed : newLine);
    }
}
