using System.Net;

namespace OrleansMlops.Documents.Tests;

/// <summary>The model card of a realistic credit-risk version states its facts, in both formats.</summary>
public sealed class ModelCardTests
{
    private readonly string _markdown = Documents.Text(CreditEvidence.Deployed(), EvidenceDocuments.ModelCardMarkdown);

    [Theory]
    [InlineData(EvidenceDocuments.ModelCardMarkdown)]
    [InlineData(EvidenceDocuments.ModelCardHtml)]
    public void Every_model_card_section_is_present(string fileName)
    {
        var text = Documents.Text(CreditEvidence.Deployed(), fileName);

        Assert.All(EvidenceDocuments.ModelCardSections, s => Assert.Contains(
            fileName.EndsWith(".md", StringComparison.Ordinal) ? $"\n## {s.Title}\n" : $"<section id=\"{s.Id}\">\n<h2>{WebUtility.HtmlEncode(s.Title)}</h2>",
            text,
            StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("model-details", "- **Name:** credit-risk")]
    [InlineData("model-details", "- **Version:** 1")]
    [InlineData("model-details", "- **Lifecycle:** deployed")]
    [InlineData("model-details", "- **Owner:** head-of-retail-credit")]
    [InlineData("model-details", "- **Tier:** 1")]
    [InlineData("model-details", "- **Risk class:** high")]
    [InlineData("model-details", "- **Artifact SHA-256:** `" + CreditEvidence.ArtifactSha + "`")]
    [InlineData("intended-use", "- **Purpose:** creditworthiness assessment of retail loan applicants")]
    [InlineData("data", "- **Data set:** credit-applicants")]
    [InlineData("data", "- **Data set version:** 3")]
    [InlineData("data", "| validation | `data/credit/validation.csv` | 400 |")]
    [InlineData("data", "- **Code commit:** `" + CreditEvidence.CodeCommit + "`")]
    [InlineData("metrics", "| `disparity` | — | 0.043 | max 0.1 | passed (0.043) |")]
    [InlineData("metrics", "| `robustness.aucDrop` | — | 0.004 | none declared | — |")]
    [InlineData("fairness", "- **Protected attributes:** sex")]
    [InlineData("fairness", "| `disparity` | validation | 0.043 |")]
    [InlineData("fairness", "| `signoff:validation` | eu-ai-act-high-risk | AI-10c bias examined and disparity within 0.10 | passed |")]
    [InlineData("limitations", "- **Declared accuracy:** AUC at least 0.70 on held-out applicants")]
    [InlineData("limitations", "Limitations are set out in Instructions for use of the credit-risk score for credit officers")]
    [InlineData("approvals", "- **Validator:** vera at 2026-11-20T11:00:00Z")]
    [InlineData("approvals", "- **Approver:** bob at 2026-11-20T12:00:00Z")]
    [InlineData("approvals", "- **Residual risk accepted by:** carol (model-risk-head)")]
    [InlineData("approvals", "| 3 | approved | bob | approver | `approve` | 2026-11-20T12:00:00Z | metrics, fairness and evidence reviewed |")]
    [InlineData("governance", "| `approve` | allowed | four-eyes@2 | 1 of 1 | 2026-11-20T12:00:00Z |")]
    public void The_card_states_each_fact_in_its_section(string sectionId, string expected)
    {
        var title = EvidenceDocuments.ModelCardSections.Single(s => s.Id == sectionId).Title;

        Assert.Contains(expected, Documents.MarkdownSections(_markdown)[title], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_instructions_for_use_the_limitations_say_not_documented()
    {
        var sections = Documents.MarkdownSections(Documents.Text(AnnexIvTests.Sparse(), EvidenceDocuments.ModelCardMarkdown));

        var limitations = sections["Limitations"];
        Assert.Contains("Limitations: not documented.", limitations, StringComparison.Ordinal);
        Assert.Contains("Not recorded in the registry: limitations", limitations, StringComparison.Ordinal);
        Assert.Contains("Not recorded in the registry: validation sign-off", sections["Approvals and sign-offs"], StringComparison.Ordinal);
        Assert.Contains("Not recorded in the registry: accountable owner", sections["Model details"], StringComparison.Ordinal);
        Assert.Contains("Not recorded in the registry: gate decisions of the owning run", sections["Governance decisions"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_rule_is_listed_with_its_message()
    {
        var evidence = CreditEvidence.Deployed() with
        {
            Decisions = [CreditEvidence.Decision("d9", "approve", CreditEvidence.Epoch, null, CreditEvidence.Rule("four-eyes", "FE-1 approver is not the trainer", false))],
        };

        var governance = Documents.MarkdownSections(Documents.Text(evidence, EvidenceDocuments.ModelCardMarkdown))["Governance decisions"];

        Assert.Contains("| `approve` | blocked | four-eyes@2 | 0 of 1 |", governance, StringComparison.Ordinal);
        Assert.Contains("| `approve` | four-eyes | FE-1 approver is not the trainer | FE-1 approver is not the trainer failed |", governance, StringComparison.Ordinal);
    }
}
