using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Documents.Tests;

/// <summary>
/// Evidence shaped like what the shipped credit-risk run produces (tests/OrleansMlops.Grains.Tests/CreditRiskRunTests):
/// trained by alice, signed off by vera, approved by bob, deployed to production, with the evidence front matter of
/// data/credit/evidence. Dictionaries can be built in reverse insertion order to prove the output does not depend on it.
/// </summary>
internal static class CreditEvidence
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    public const string ArtifactSha = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    public const string TrainSha = "1111111111111111111111111111111111111111111111111111111111111111";
    public const string CodeCommit = "6eba5ef4c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6";
    public const string RunId = "run-credit-1";

    public static ModelEvidence Deployed(bool reversed = false) =>
        new(View(reversed), Decisions(), Audit());

    public static ModelVersionView View(bool reversed = false)
    {
        var lineage = new ModelLineage(
            "credit-applicants",
            "3",
            [
                new DatasetFile("train", "data/credit/train.csv", TrainSha, 1200),
                new DatasetFile("validation", "data/credit/validation.csv", new string('2', 64), 400),
                new DatasetFile("test", "data/credit/test.csv", new string('3', 64), 400),
            ],
            CodeCommit,
            Dictionary(reversed, ("trainer", "LbfgsLogisticRegression"), ("l2", "0.1"), ("maxIterations", "100"), ("seed", "1")),
            Dictionary(reversed, ("runtime", ".NET 10.0.1"), ("ml.net", "5.0.1"), ("os", "Linux")),
            "alice",
            Epoch);
        var registration = new ModelRegistration(
            "credit-risk",
            "creditworthiness assessment of retail loan applicants",
            "high",
            "artifacts/credit-risk/" + ArtifactSha + ".zip",
            ArtifactSha,
            lineage,
            Numbers(reversed, ("auc", 0.8123), ("accuracy", 0.75), ("f1", 0.61)))
        {
            Owner = "head-of-retail-credit",
            Tier = "1",
            ProtectedAttributes = ["sex"],
        };
        return new ModelVersionView(
            new ModelVersionKey("credit-risk", 1),
            RunId,
            ModelLifecycle.Deployed,
            registration,
            Numbers(reversed, ("auc", 0.7987), ("accuracy", 0.74), ("disparity", 0.043), ("robustness.aucDrop", 0.004)),
            "bob",
            "production",
            [
                new LifecycleEvent(ModelLifecycle.Registered, RunId, "alice", Epoch, null),
                new LifecycleEvent(ModelLifecycle.Validated, RunId, "vera", Epoch.AddHours(2), "results reproduced"),
                new LifecycleEvent(ModelLifecycle.Approved, RunId, "bob", Epoch.AddHours(3), null),
                new LifecycleEvent(ModelLifecycle.Deployed, RunId, "system", Epoch.AddHours(3).AddMinutes(1), "production"),
            ])
        {
            Documents =
            [
                Document(reversed, "risk-register", "Risk register of the retail credit-risk scoring model",
                    ("owner", "retail-credit-analytics"), ("risksComplete", "true"), ("residualRiskAcceptedBy", "carol"), ("acceptedByRole", "model-risk-head")),
                Document(reversed, "instructions-for-use", "Instructions for use of the credit-risk score for credit officers",
                    ("sections", "accuracy,limitations,input-specification"), ("declaredAccuracy", "AUC at least 0.70 on held-out applicants")),
                Document(reversed, "human-oversight", "Human oversight of the credit-risk score",
                    ("overseer", "head of retail credit decisioning"), ("stopProcedure", "model-risk-head retires the version")),
                Document(reversed, "monitoring-plan", "Post-market monitoring plan of the credit-risk score",
                    ("metrics", "auc on matured loans, approval-rate disparity by sex"), ("frequency", "monthly; fairness quarterly"), ("alertThresholds", "auc below 0.68, disparity above 0.10")),
                Document(reversed, "technical-documentation", "Technical documentation (AI Act Annex IV) of the credit-risk scoring system",
                    ("sections", "purpose,versions,design"), ("provider", "retail-credit-analytics")),
                Document(reversed, "model-documentation", "Model documentation of the retail credit-risk scoring model",
                    ("sections", "purpose,design,data,assumptions,limitations"), ("standard", "SR 26-2 model documentation")),
            ],
            RevalidationDueAt = Epoch.AddHours(2).AddDays(365),
        };
    }

    public static ImmutableArray<GateDecision> Decisions() =>
    [
        Decision("d1", "enter:train", Epoch, null, Rule("eu-ai-act-high-risk", "AI-01 intended purpose and risk class declared", true)),
        Decision("d2", "enter:validate", Epoch.AddMinutes(1), null, Rule("eu-ai-act-high-risk", "AI-10a datasets recorded with version and SHA-256", true)),
        Decision(
            "d3",
            "signoff:validation",
            Epoch.AddHours(2),
            """{"model":{"thresholdChecks":[{"metric":"disparity","bound":"max","limit":0.1,"actual":0.043,"passed":true},{"metric":"auc","bound":"min","limit":0.7,"actual":0.7987,"passed":true}]},"run":{"thresholds":{"auc.min":0.7,"disparity.max":0.1}}}""",
            Rule("eu-ai-act-high-risk", "AI-09b thresholds fixed before evaluation and met", true),
            Rule("eu-ai-act-high-risk", "AI-10c bias examined and disparity within 0.10", true),
            Rule("sr-26-2-model-risk", "MRM-3 signing validator from an independent unit", true)),
        Decision("d4", "approve", Epoch.AddHours(3), null, Rule("four-eyes", "FE-1 approver is not the submitter", true)),
    ];

    public static ImmutableArray<AuditRecord> Audit() =>
    [
        Record(1, "run.started", "alice", Epoch, """{"workflow":"credit-risk"}"""),
        Record(2, "task.approved", "vera", Epoch.AddHours(2), """{"task":"UserTask_ValidationReview","gate":"signoff:validation","actorRole":"validator","decision":"approve","comment":"results reproduced, limitations documented"}"""),
        Record(3, "task.approved", "bob", Epoch.AddHours(3), """{"task":"UserTask_ApproveModel","gate":"approve","actorRole":"approver","decision":"approve","comment":"metrics, fairness and evidence reviewed"}"""),
    ];

    public static GateDecision Decision(string id, string transition, DateTimeOffset at, string? inputJson, params RuleResult[] results) => new(
        id,
        RunId,
        transition,
        null,
        results.All(r => r.Passed) ? GateOutcome.Allowed : GateOutcome.Blocked,
        [.. results.Select(r => r.RuleSetId).Distinct().Order(StringComparer.Ordinal).Select(s => new RuleSetRef(s, 2, new string('f', 64)))],
        [.. results],
        inputJson ?? "{}",
        at,
        1.5,
        null);

    public static RuleResult Rule(string ruleSet, string name, bool passed) => new(ruleSet, name, passed, passed ? null : $"{name} failed");

    private static AuditRecord Record(long sequence, string kind, string actor, DateTimeOffset at, string payload) =>
        new(RunId, sequence, kind, actor, at, payload, new string('0', 64), sequence.ToString("x64", System.Globalization.CultureInfo.InvariantCulture));

    private static ModelDocument Document(bool reversed, string kind, string title, params (string Key, string Value)[] attributes) => new(
        kind,
        title,
        $"data/credit/evidence/{kind}.md",
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(kind))),
        Dictionary(reversed, [("kind", kind), ("title", title), .. attributes]),
        "alice",
        Epoch.AddMinutes(1));

    private static ImmutableDictionary<string, string> Dictionary(bool reversed, params (string Key, string Value)[] entries) =>
        Build(reversed, entries);

    private static ImmutableDictionary<string, double> Numbers(bool reversed, params (string Key, double Value)[] entries) =>
        Build(reversed, entries);

    /// <summary>Built entry by entry, forwards or backwards, and with a different comparer so bucket order differs too.</summary>
    private static ImmutableDictionary<string, T> Build<T>(bool reversed, (string Key, T Value)[] entries)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, T>(reversed ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var (key, value) in reversed ? entries.Reverse() : entries)
        {
            builder.Add(key, value);
        }

        return builder.ToImmutable();
    }
}
