using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Documents.Facts;
using OrleansMlops.Documents.Model;

namespace OrleansMlops.Documents.Writers;

/// <summary>
/// Technical documentation of one version along the nine points of Annex IV of Regulation (EU) 2024/1689 (the
/// documentation Article 11(1) requires). Every point gets a section; what the registry does not hold is named in a
/// "Not recorded in the registry" line, so the gaps are visible to whoever assesses the file.
/// </summary>
internal static class AnnexIvWriter
{
    public static readonly ImmutableArray<SectionHeading> Sections =
    [
        new("annex-iv-1", "1. General description of the AI system"),
        new("annex-iv-2", "2. Elements of the AI system and its development process"),
        new("annex-iv-3", "3. Monitoring, functioning and control"),
        new("annex-iv-4", "4. Appropriateness of the performance metrics"),
        new("annex-iv-5", "5. Risk management system (Article 9)"),
        new("annex-iv-6", "6. Relevant changes through the lifecycle"),
        new("annex-iv-7", "7. Harmonised standards and other specifications applied"),
        new("annex-iv-8", "8. EU declaration of conformity (Article 47)"),
        new("annex-iv-9", "9. Post-market performance evaluation and monitoring plan (Article 72)"),
    ];

    public static EvidenceDocument Write(ModelEvidence evidence)
    {
        var facts = new EvidenceFacts(evidence);
        var introduction = new SectionBuilder()
            .Paragraph(
                "Technical documentation under Article 11(1) and Annex IV of Regulation (EU) 2024/1689 for model ",
                TextRun.Code(facts.Name),
                $" version {Invariant.Number(facts.Version)}, generated from the model registry and the gate decisions and audit trail of run ",
                TextRun.Code(facts.View.OwnerRunId),
                ".")
            .Build();
        SectionBuilder[] sections =
        [
            General(facts),
            Development(facts),
            Functioning(facts),
            new SectionBuilder().Metrics(facts),
            RiskManagement(facts),
            Changes(facts),
            Standards(facts),
            Declaration(facts),
            PostMarket(facts),
        ];
        return new EvidenceDocument(
            $"EU AI Act Annex IV technical documentation: {facts.Name} v{facts.Version}",
            introduction,
            [.. sections.Select((section, i) => section.Build(Sections[i]))]);
    }

    private static SectionBuilder General(EvidenceFacts facts)
    {
        var registration = facts.Registration;
        var section = new SectionBuilder()
            .FactOrNotRecorded("Intended purpose", registration.Purpose, "intended purpose")
            .FactOrNotRecorded("Risk class", registration.RiskClass, "risk class")
            .Fact("System", $"{facts.Name} version {Invariant.Number(facts.Version)}")
            .Fact("Lifecycle", Invariant.Lower(facts.View.Lifecycle));
        var provider = facts.Documents.OfKind("technical-documentation").Select(d => d.Attribute("provider")).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p));
        section.FactOrNotRecorded("Provider", provider ?? registration.Owner, "provider of the system");
        section.FactOrNotRecorded("Artifact SHA-256", registration.ArtifactSha256, "artifact SHA-256", code: true);
        section.FactOrNotRecorded("Code commit", facts.Lineage.CodeCommit, "code commit", code: true);
        section.KeyValues("Software environment", facts.Lineage.Environment, "versions of the software the model was trained with");
        Cite(section, facts, "instructions-for-use", "Instructions for use", "instructions for use for the deployer");
        section.NotRecorded("interaction with hardware or software outside the system, forms in which it is placed on the market, target hardware, and the deployer's user interface");
        return section;
    }

    private static SectionBuilder Development(EvidenceFacts facts)
    {
        var section = new SectionBuilder().Subheading("Development method and design");
        section.Training(facts);
        Cite(section, facts, "model-documentation", "Design and assumptions", "design specification and assumptions (model documentation)");
        section.Subheading("Data").Dataset(facts);
        section.Subheading("Human oversight assessment");
        AttributesOf(section, facts, "human-oversight", "human oversight measures (Article 14)");
        section.Subheading("Validation and testing");
        var validated = facts.LastChangeTo(ModelLifecycle.Validated);
        if (validated is null)
        {
            section.NotRecorded("a validation sign-off");
        }
        else
        {
            section.Fact("Validated by", $"{validated.Actor} at {Invariant.Instant(validated.At)}");
        }

        var validation = Invariant.Sorted(facts.View.ValidationMetrics).Select(m => EvidenceBlocks.Row(TextRun.Code(m.Key), Invariant.Number(m.Value))).ToArray();
        if (validation.Length > 0)
        {
            section.Table(["Validation metric", "Value"], validation);
        }

        section.NotRecorded("pre-determined changes to the system, and cybersecurity measures beyond the SHA-256 of the artifact and data files");
        return section;
    }

    private static SectionBuilder Functioning(EvidenceFacts facts)
    {
        var section = new SectionBuilder().Subheading("Capabilities, accuracy and limitations");
        AttributesOf(section, facts, "instructions-for-use", "instructions for use (declared accuracy, limitations, input specification)");
        var limitations = facts.Documents.Covering("limitations");
        foreach (var document in limitations)
        {
            section.Paragraph(["Limitations are set out in ", .. DocumentFacts.Citation(document), "."]);
        }

        if (limitations.IsEmpty)
        {
            section.NotRecorded("limitations of the system");
        }

        section.Subheading("Human oversight");
        AttributesOf(section, facts, "human-oversight", "human oversight measures");
        section.Subheading("Override and escalation");
        AttributesOf(section, facts, "override-procedure", "override and escalation procedure");
        section.Subheading("Human review of adverse decisions");
        AttributesOf(section, facts, "human-review-path", "human review path for adverse decisions");
        section.Subheading("Protected attributes");
        return facts.ProtectedAttributes.IsEmpty
            ? section.NotRecorded("protected attributes examined for bias")
            : section.Fact("Examined for bias across", string.Join(", ", facts.ProtectedAttributes.Order(StringComparer.Ordinal)));
    }

    private static SectionBuilder RiskManagement(EvidenceFacts facts)
    {
        var section = new SectionBuilder();
        AttributesOf(section, facts, "risk-register", "risk register");
        return section.Subheading("Gate decisions of the run").Decisions(facts);
    }

    private static SectionBuilder Changes(EvidenceFacts facts)
    {
        var section = new SectionBuilder().Subheading("Lifecycle of this version").History(facts);
        section.Subheading("Audit trail of the owning run");
        if (facts.Audit.IsEmpty)
        {
            return section.NotRecorded("audit records of the owning run");
        }

        var last = facts.Audit[^1];
        section.Fact("Records", Invariant.Number(facts.Audit.Length))
            .Fact("Last record", $"sequence {Invariant.Number(last.Sequence)} at {Invariant.Instant(last.At)}")
            .Fact("Chain head hash", TextRun.Code(last.Hash));
        return section.Table(
            ["Sequence", "Kind", "Actor", "At", "Hash"],
            facts.Audit.Select(r => EvidenceBlocks.Row(Invariant.Number(r.Sequence), TextRun.Code(r.Kind), r.Actor, Invariant.Instant(r.At), TextRun.Code(Invariant.Short(r.Hash)))));
    }

    private static SectionBuilder Standards(EvidenceFacts facts)
    {
        var section = new SectionBuilder();
        var harmonised = Declared(facts, "harmonisedStandards").ToArray();
        if (harmonised.Length == 0)
        {
            section.NotRecorded("harmonised standards applied (no attached document declares a \"harmonisedStandards\" attribute)");
        }
        else
        {
            section.Table(["Harmonised standard", "Declared in"], harmonised);
        }

        var other = Declared(facts, "standard").Concat(Declared(facts, "standards")).ToArray();
        return other.Length == 0
            ? section.NotRecorded("other standards or specifications applied")
            : section.Subheading("Other standards and specifications").Table(["Standard", "Declared in"], other);
    }

    private static SectionBuilder Declaration(EvidenceFacts facts)
    {
        var section = new SectionBuilder();
        var declarations = facts.Documents.OfKind("eu-declaration-of-conformity").AddRange(facts.Documents.OfKind("declaration-of-conformity"));
        if (declarations.IsEmpty)
        {
            return section.NotRecorded("an EU declaration of conformity (no document of kind \"eu-declaration-of-conformity\" is attached)");
        }

        foreach (var document in declarations)
        {
            section.Paragraph(["Declaration: ", .. DocumentFacts.Citation(document)]);
        }

        return section;
    }

    private static SectionBuilder PostMarket(EvidenceFacts facts)
    {
        var section = new SectionBuilder().Subheading("Monitoring plan");
        AttributesOf(section, facts, "monitoring-plan", "post-market monitoring plan");
        section.Subheading("Backtesting");
        AttributesOf(section, facts, "backtesting-plan", "backtesting plan");
        section.Subheading("Periodic review");
        section.FactOrNotRecorded("Deployed to", facts.View.Environment, "deployment environment (the version is not deployed)");
        return facts.View.RevalidationDueAt is { } due
            ? section.Fact("Revalidation due", Invariant.Instant(due))
            : section.NotRecorded("revalidation due date");
    }

    /// <summary>Cites each attached document of a kind and lists its front-matter attributes; a missing kind is named.</summary>
    private static void AttributesOf(SectionBuilder section, EvidenceFacts facts, string kind, string missing)
    {
        var documents = facts.Documents.OfKind(kind);
        if (documents.IsEmpty)
        {
            section.NotRecorded(missing);
            return;
        }

        foreach (var document in documents)
        {
            section.Paragraph(DocumentFacts.Citation(document));
            foreach (var (key, value) in DocumentFacts.AttributesInOrder(document).Where(a => a.Key is not ("kind" or "title")))
            {
                section.Fact(key, value);
            }
        }
    }

    private static void Cite(SectionBuilder section, EvidenceFacts facts, string kind, string label, string missing)
    {
        var documents = facts.Documents.OfKind(kind);
        if (documents.IsEmpty)
        {
            section.NotRecorded(missing);
        }

        foreach (var document in documents)
        {
            section.Fact(label, DocumentFacts.Citation(document));
        }
    }

    private static IEnumerable<ImmutableArray<TextRun>> Declared(EvidenceFacts facts, string attribute) =>
        from document in facts.Documents
        let value = document.Attribute(attribute)
        where !string.IsNullOrWhiteSpace(value)
        from standard in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        select EvidenceBlocks.Row(standard, document.Title);
}
