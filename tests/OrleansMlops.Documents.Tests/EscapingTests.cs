using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Documents.Tests;

/// <summary>Names, purposes and front-matter values are data: they never become markup in either format.</summary>
public sealed class EscapingTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Breakout = "\"><img src=x onerror=alert(2)>";

    [Theory]
    [InlineData(EvidenceDocuments.ModelCardHtml)]
    [InlineData(EvidenceDocuments.AnnexIvHtml)]
    public void Hostile_text_is_escaped_in_html(string fileName)
    {
        var html = Documents.Text(Hostile(), fileName);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EvidenceDocuments.ModelCardMarkdown)]
    [InlineData(EvidenceDocuments.AnnexIvMarkdown)]
    public void Hostile_text_is_escaped_in_markdown(string fileName)
    {
        var markdown = Documents.Text(Hostile(), fileName);

        // A backslash-escaped "<" is literal text in CommonMark; an unescaped one could open raw HTML.
        Assert.DoesNotMatch(@"(?<!\\)<(script|img)", markdown);
        Assert.Contains(@"\<script\>alert(1)\</script\>", markdown, StringComparison.Ordinal);
        Assert.Contains(@"""\>\<img src=x onerror=alert(2)\>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipes_and_line_breaks_in_table_cells_cannot_add_columns_or_rows()
    {
        var markdown = Documents.Text(Hostile(), EvidenceDocuments.ModelCardMarkdown);

        var row = markdown.Split('\n').Single(l => l.StartsWith("| train |", StringComparison.Ordinal));
        Assert.Contains(@"data/a\|b.csv", row, StringComparison.Ordinal);
        Assert.Equal(5, row.Replace(@"\|", "", StringComparison.Ordinal).Count(c => c == '|'));
        Assert.Contains(@"| `note` | two lines \| and a pipe |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_labels_cannot_break_out_of_the_mermaid_block()
    {
        var markdown = Documents.Text(Hostile(), EvidenceDocuments.ModelCardMarkdown);

        var start = markdown.IndexOf("```mermaid\n", StringComparison.Ordinal);
        var block = markdown[start..markdown.IndexOf("\n```\n", start + 3, StringComparison.Ordinal)];
        Assert.Contains("model<br/>#lt;script#gt;alert(1)#lt;/script#gt; v1", block, StringComparison.Ordinal);
        Assert.Contains("data/a|b.csv#96;#96;#96;#quot;]", block, StringComparison.Ordinal);
        Assert.Equal(1, markdown.Split("```mermaid").Length - 1);
    }

    private static ModelEvidence Hostile()
    {
        var view = CreditEvidence.View();
        var registration = view.Registration with
        {
            Purpose = Script,
            Owner = Breakout,
            Lineage = view.Registration.Lineage with
            {
                Files = [new DatasetFile("train", "data/a|b.csv```\"]", new string('1', 64), 10)],
                Parameters = ImmutableDictionary<string, string>.Empty.Add("note", "two lines\n| and a pipe"),
            },
        };
        var document = view.Documents[0] with
        {
            Title = Script,
            Attributes = view.Documents[0].Attributes.SetItem("residualRiskAcceptedBy", Breakout),
        };
        return CreditEvidence.Deployed() with
        {
            Version = view with
            {
                Key = new ModelVersionKey(Script, 1),
                Registration = registration,
                Documents = view.Documents.SetItem(0, document),
            },
        };
    }
}
