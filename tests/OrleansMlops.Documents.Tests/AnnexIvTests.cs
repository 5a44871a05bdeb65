using System.Collections.Immutable;
using System.Net;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Documents.Tests;

/// <summary>One section per point of Annex IV, in both formats; gaps in the registry are said, never skipped.</summary>
public sealed class AnnexIvTests
{
    [Fact]
    public void The_section_list_follows_the_nine_points_of_annex_iv()
    {
        Assert.Equal(
            Enumerable.Range(1, 9).Select(i => $"annex-iv-{i}"),
            EvidenceDocuments.AnnexIvSections.Select(s => s.Id));
        Assert.All(EvidenceDocuments.AnnexIvSections.Select((s, i) => (s, i)), x => Assert.StartsWith($"{x.i + 1}. ", x.s.Title, StringComparison.Ordinal));
        Assert.Contains("risk management", EvidenceDocuments.AnnexIvSections[4].Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("declaration of conformity", EvidenceDocuments.AnnexIvSections[7].Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("monitoring plan", EvidenceDocuments.AnnexIvSections[8].Title, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<bool> Evidence => new() { true, false };

    [Theory]
    [MemberData(nameof(Evidence))]
    public void Every_section_is_in_the_markdown_in_order(bool complete)
    {
        var markdown = Documents.Text(complete ? CreditEvidence.Deployed() : Sparse(), EvidenceDocuments.AnnexIvMarkdown);

        var positions = EvidenceDocuments.AnnexIvSections.Select(s => markdown.IndexOf($"\n## {s.Title}\n", StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [MemberData(nameof(Evidence))]
    public void Every_section_is_in_the_html_with_its_id(bool complete)
    {
        var html = Documents.Text(complete ? CreditEvidence.Deployed() : Sparse(), EvidenceDocuments.AnnexIvHtml);

        Assert.All(EvidenceDocuments.AnnexIvSections, s =>
            Assert.Contains($"<section id=\"{s.Id}\">\n<h2>{WebUtility.HtmlEncode(s.Title)}</h2>", html, StringComparison.Ordinal));
    }

    [Fact]
    public void Sections_carry_the_facts_of_the_registry()
    {
        var sections = Documents.MarkdownSections(Documents.Text(CreditEvidence.Deployed(), EvidenceDocuments.AnnexIvMarkdown));
        string Section(int point) => sections[EvidenceDocuments.AnnexIvSections[point - 1].Title];

        Assert.Contains("creditworthiness assessment of retail loan applicants", Section(1), StringComparison.Ordinal);
        Assert.Contains("- **Provider:** retail-credit-analytics", Section(1), StringComparison.Ordinal);
        Assert.Contains($"`{CreditEvidence.ArtifactSha}`", Section(1), StringComparison.Ordinal);
        Assert.Contains("| `ml.net` | 5.0.1 |", Section(1), StringComparison.Ordinal);
        Assert.Contains($"| train | `data/credit/train.csv` | 1200 | `{CreditEvidence.TrainSha}` |", Section(2), StringComparison.Ordinal);
        Assert.Contains("- **Validated by:** vera at 2026-11-20T11:00:00Z", Section(2), StringComparison.Ordinal);
        Assert.Contains("- **overseer:** head of retail credit decisioning", Section(3), StringComparison.Ordinal);
        Assert.Contains("| `auc` | 0.8123 | 0.7987 | min 0.7 | passed (0.7987) |", Section(4), StringComparison.Ordinal);
        Assert.Contains("- **residualRiskAcceptedBy:** carol", Section(5), StringComparison.Ordinal);
        Assert.Contains("| `signoff:validation` | allowed | eu-ai-act-high-risk@2; sr-26-2-model-risk@2 | 3 of 3 |", Section(5), StringComparison.Ordinal);
        Assert.Contains("| deployed | system | 2026-11-20T12:01:00Z |", Section(6), StringComparison.Ordinal);
        Assert.Contains($"- **Chain head hash:** `{CreditEvidence.Audit()[^1].Hash}`", Section(6), StringComparison.Ordinal);
        Assert.Contains("| SR 26-2 model documentation | Model documentation of the retail credit-risk scoring model |", Section(7), StringComparison.Ordinal);
        Assert.Contains("- **alertThresholds:** auc below 0.68, disparity above 0.10", Section(9), StringComparison.Ordinal);
        Assert.Contains("- **Revalidation due:** 2027-11-20T11:00:00Z", Section(9), StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_registry_does_not_hold_is_named_in_every_section()
    {
        var sections = Documents.MarkdownSections(Documents.Text(Sparse(), EvidenceDocuments.AnnexIvMarkdown));

        Assert.Equal(9, sections.Count);
        Assert.All(sections, s => Assert.Contains("\nNot recorded in the registry: ", s.Value, StringComparison.Ordinal));
        Assert.Contains("Not recorded in the registry: risk register", sections[EvidenceDocuments.AnnexIvSections[4].Title], StringComparison.Ordinal);
        Assert.Contains("Not recorded in the registry: audit records of the owning run", sections[EvidenceDocuments.AnnexIvSections[5].Title], StringComparison.Ordinal);
        Assert.Contains("Not recorded in the registry: an EU declaration of conformity", sections[EvidenceDocuments.AnnexIvSections[7].Title], StringComparison.Ordinal);
        Assert.Contains("Not recorded in the registry: post-market monitoring plan", sections[EvidenceDocuments.AnnexIvSections[8].Title], StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_evidence_is_marked_in_the_html_too()
    {
        var html = Documents.Text(Sparse(), EvidenceDocuments.AnnexIvHtml);

        Assert.Contains("<p class=\"not-recorded\">Not recorded in the registry: risk register</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attached_declaration_of_conformity_and_harmonised_standards_are_cited()
    {
        var view = CreditEvidence.View();
        var declaration = new ModelDocument(
            "eu-declaration-of-conformity",
            "EU declaration of conformity",
            "data/credit/evidence/declaration.md",
            new string('e', 64),
            new Dictionary<string, string> { ["harmonisedStandards"] = "EN 0001, EN 0002" }.ToImmutableDictionary(),
            "carol",
            CreditEvidence.Epoch);
        var evidence = CreditEvidence.Deployed() with { Version = view with { Documents = view.Documents.Add(declaration) } };

        var sections = Documents.MarkdownSections(Documents.Text(evidence, EvidenceDocuments.AnnexIvMarkdown));

        Assert.Contains("| EN 0001 | EU declaration of conformity |", sections[EvidenceDocuments.AnnexIvSections[6].Title], StringComparison.Ordinal);
        Assert.Contains($"EU declaration of conformity (eu-declaration-of-conformity, SHA-256 `{new string('e', 64)}`)", sections[EvidenceDocuments.AnnexIvSections[7].Title], StringComparison.Ordinal);
        Assert.DoesNotContain("Not recorded", sections[EvidenceDocuments.AnnexIvSections[7].Title], StringComparison.Ordinal);
    }

    /// <summary>A version just registered: no owner, no documents, no validation, no decisions, no audit records.</summary>
    internal static ModelEvidence Sparse()
    {
        var view = CreditEvidence.View();
        return new ModelEvidence(view with
        {
            Lifecycle = ModelLifecycle.Registered,
            Registration = view.Registration with { Owner = null, Tier = null, ProtectedAttributes = [] },
            ValidationMetrics = ImmutableDictionary<string, double>.Empty,
            ApprovedBy = null,
            Environment = null,
            History = [view.History[0]],
            Documents = [],
            RevalidationDueAt = null,
        });
    }
}
