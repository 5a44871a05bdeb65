namespace OrleansMlops.Documents.Tests;

/// <summary>Lineage: a Mermaid flowchart in Markdown, the same graph as inline SVG in HTML.</summary>
public sealed class LineageTests
{
    [Theory]
    [InlineData(EvidenceDocuments.ModelCardMarkdown)]
    public void The_markdown_has_a_mermaid_flowchart_from_data_files_to_model_to_artifact(string fileName)
    {
        var markdown = Documents.Text(CreditEvidence.Deployed(), fileName);

        var start = markdown.IndexOf("```mermaid\nflowchart LR\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "a mermaid flowchart block");
        var block = markdown[start..markdown.IndexOf("\n```\n", start + 3, StringComparison.Ordinal)];
        Assert.Contains("    file1[\"train data<br/>data/credit/train.csv<br/>credit-applicants@3, 1200 rows<br/>sha256 111111111111…\"]", block, StringComparison.Ordinal);
        Assert.Contains("    artifact[\"artifact<br/>sha256 a1b2c3d4e5f6…\"]", block, StringComparison.Ordinal);
        foreach (var input in new[] { "file1", "file2", "file3", "code" })
        {
            Assert.Contains($"\n    {input} --> model\n", block, StringComparison.Ordinal);
        }

        Assert.Contains("\n    model --> artifact", block, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EvidenceDocuments.ModelCardHtml)]
    public void The_html_draws_the_same_lineage_as_inline_svg(string fileName)
    {
        var html = Documents.Text(CreditEvidence.Deployed(), fileName);

        Assert.Contains("<svg class=\"lineage\"", html, StringComparison.Ordinal);
        foreach (var node in new[] { "file1", "file2", "file3", "code", "model", "artifact" })
        {
            Assert.Contains($"<g class=\"node\" id=\"lineage-{node}\">", html, StringComparison.Ordinal);
        }

        Assert.Equal(5, html.Split("<line ").Length - 1);
        Assert.Contains(">credit-risk v1</text>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EvidenceDocuments.ModelCardHtml)]
    [InlineData(EvidenceDocuments.AnnexIvHtml)]
    public void The_html_is_standalone_no_script_and_no_external_resource(string fileName)
    {
        var html = Documents.Text(CreditEvidence.Deployed(), fileName);

        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        foreach (var forbidden in new[] { "<script", "<link", "src=", "href=", "http://", "https://", "@import" })
        {
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_lineage_alone_is_a_standalone_svg_image_identical_to_the_embedded_drawing()
    {
        var evidence = CreditEvidence.Deployed();

        var svg = EvidenceDocuments.Lineage(evidence);
        var again = EvidenceDocuments.Lineage(evidence);

        Assert.Equal((EvidenceDocuments.LineageSvg, EvidenceDocuments.SvgMediaType), (svg.FileName, svg.MediaType));
        Assert.Equal(svg.Content, again.Content);
        var document = System.Xml.Linq.XDocument.Parse(svg.Text);
        Assert.Equal("{http://www.w3.org/2000/svg}svg", document.Root!.Name.ToString());
        var embedded = Documents.Text(evidence, EvidenceDocuments.ModelCardHtml);
        var drawing = svg.Text.Replace("<svg xmlns=\"http://www.w3.org/2000/svg\" ", "<svg ", StringComparison.Ordinal);
        Assert.Contains(drawing, embedded, StringComparison.Ordinal);
    }
}
