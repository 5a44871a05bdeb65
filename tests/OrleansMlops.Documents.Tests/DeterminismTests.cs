using System.Security.Cryptography;

namespace OrleansMlops.Documents.Tests;

/// <summary>The same records always give the same bytes, so a recorded hash can be checked by regenerating.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Generating_twice_gives_byte_identical_documents()
    {
        var first = EvidenceDocuments.GenerateAll(CreditEvidence.Deployed());
        var second = EvidenceDocuments.GenerateAll(CreditEvidence.Deployed());

        Assert.Equal(EvidenceDocuments.FileNames, first.Select(d => d.FileName));
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
    }

    [Fact]
    public void Dictionaries_built_in_another_order_give_byte_identical_documents()
    {
        var forwards = EvidenceDocuments.GenerateAll(CreditEvidence.Deployed());
        var backwards = EvidenceDocuments.GenerateAll(CreditEvidence.Deployed(reversed: true));

        Assert.All(forwards.Zip(backwards), pair => Assert.Equal(pair.First.Sha256, pair.Second.Sha256));
        Assert.All(forwards.Zip(backwards), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
    }

    [Theory]
    [InlineData(EvidenceDocuments.ModelCardMarkdown, EvidenceDocuments.ModelCardKind, EvidenceDocuments.MarkdownMediaType)]
    [InlineData(EvidenceDocuments.ModelCardHtml, EvidenceDocuments.ModelCardKind, EvidenceDocuments.HtmlMediaType)]
    [InlineData(EvidenceDocuments.AnnexIvMarkdown, EvidenceDocuments.AnnexIvKind, EvidenceDocuments.MarkdownMediaType)]
    [InlineData(EvidenceDocuments.AnnexIvHtml, EvidenceDocuments.AnnexIvKind, EvidenceDocuments.HtmlMediaType)]
    public void Each_document_carries_the_sha256_of_its_exact_bytes(string fileName, string kind, string mediaType)
    {
        var document = Documents.Of(CreditEvidence.Deployed(), fileName);

        Assert.Equal((kind, fileName, mediaType), (document.Kind, document.FileName, document.MediaType));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(document.Content)), document.Sha256);
        Assert.Equal(EvidenceDocuments.GenerateAll(CreditEvidence.Deployed()).Single(d => d.FileName == fileName).Content, document.Content);
    }

    [Theory]
    [InlineData(EvidenceDocuments.ModelCardMarkdown)]
    [InlineData(EvidenceDocuments.ModelCardHtml)]
    [InlineData(EvidenceDocuments.AnnexIvMarkdown)]
    [InlineData(EvidenceDocuments.AnnexIvHtml)]
    public void Documents_are_utf8_without_bom_with_lf_line_endings(string fileName)
    {
        var content = Documents.Of(CreditEvidence.Deployed(), fileName).Content;

        Assert.False(content.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte-order mark");
        Assert.DoesNotContain((byte)'\r', content);
        Assert.Equal((byte)'\n', content[^1]);
    }

    [Theory]
    [InlineData("model-card.pdf")]
    [InlineData("Model-Card.md")]
    [InlineData("../annex-iv.md")]
    [InlineData("")]
    public void An_unknown_file_name_gives_no_document(string fileName)
    {
        Assert.Null(EvidenceDocuments.Generate(CreditEvidence.Deployed(), fileName));
    }
}
