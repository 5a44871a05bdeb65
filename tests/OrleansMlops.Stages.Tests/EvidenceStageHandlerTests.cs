using System.Collections.Immutable;
using System.Security.Cryptography;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Tests.Support;

namespace OrleansMlops.Stages.Tests;

[Collection(TrainedModelCollection.Name)]
public sealed class EvidenceStageHandlerTests(TrainedModelFixture trained) : IDisposable
{
    private static readonly string[] CreditEvidenceKinds =
    [
        "backtesting-plan", "human-oversight", "human-review-path", "instructions-for-use", "model-documentation",
        "monitoring-plan", "override-procedure", "risk-register", "technical-documentation",
    ];

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_credit_evidence_becomes_documents_with_hashes_and_front_matter_attributes()
    {
        var rig = new StageRig(RepositoryRoot.Path);

        var result = await rig.Evidence().ExecuteAsync(Context("data/credit/evidence"), CancellationToken.None);

        Assert.Equal(CreditEvidenceKinds, result.Documents.Select(d => d.Kind).Order(StringComparer.Ordinal));
        Assert.Equal(Variable.Of(CreditEvidenceKinds.Length), result.Outputs["evidence.documents"]);
        foreach (var document in result.Documents)
        {
            Assert.Equal($"data/credit/evidence/{document.Kind}.md", document.Uri);
            var bytes = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, document.Uri));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), document.Sha256);
            Assert.False(string.IsNullOrWhiteSpace(document.Title));
            Assert.DoesNotContain("kind", document.Attributes.Keys);
            Assert.DoesNotContain("title", document.Attributes.Keys);
            Assert.Equal(("alice", StageRig.Now), (document.AttachedBy, document.AttachedAt));
        }

        var register = result.Documents.Single(d => d.Kind == "risk-register");
        Assert.Equal("carol", register.Attributes["residualRiskAcceptedBy"]);
        Assert.Equal("model-risk-head", register.Attributes["acceptedByRole"]);
        Assert.Equal("true", register.Attributes["risksComplete"]);
        Assert.Equal(
            "purpose,versions,design,training-method,data,tests-and-metrics,oversight,risk-management,change-log,monitoring-plan",
            result.Documents.Single(d => d.Kind == "technical-documentation").Attributes["sections"]);
        Assert.Equal("purpose,design,data,assumptions,limitations", result.Documents.Single(d => d.Kind == "model-documentation").Attributes["sections"]);
        Assert.Equal("accuracy,limitations,input-specification", result.Documents.Single(d => d.Kind == "instructions-for-use").Attributes["sections"]);
        var oversight = result.Documents.Single(d => d.Kind == "human-oversight").Attributes;
        Assert.All(["overseer", "explanation", "overrideProcedure", "stopProcedure"], key => Assert.NotEmpty(oversight[key]));
        var monitoring = result.Documents.Single(d => d.Kind == "monitoring-plan").Attributes;
        Assert.All(["metrics", "frequency", "alertThresholds"], key => Assert.NotEmpty(monitoring[key]));
    }

    [Fact]
    public async Task A_malformed_document_fails_the_stage_naming_the_file_and_the_line()
    {
        Write("good.md", "---\nkind: risk-register\ntitle: Register\n---\nbody\n");
        Write("broken.md", "---\nkind: monitoring-plan\ntitle: Plan\nfrequency monthly\n---\n");

        var error = await Assert.ThrowsAsync<StageException>(() => Collect());

        Assert.Equal("evidence/broken.md:4: expected 'key: value' (key: a letter, then letters, digits, '_' or '-'), got 'frequency monthly'", error.Message);
    }

    [Theory]
    [InlineData("# no front matter\n", "evidence/doc.md:1: an evidence document must start with front matter")]
    [InlineData("---\nkind: risk-register\n\ntitle: x\n---\n", "evidence/doc.md:3: blank lines are not allowed")]
    [InlineData("---\nkind: risk-register\ntitle: x\nkind: other\n---\n", "evidence/doc.md:4: key 'kind' is declared twice (first on line 2)")]
    [InlineData("---\nkind: risk-register\ntitle: x\n", "evidence/doc.md:1: the front matter opened here is never closed")]
    [InlineData("---\ntitle: x\n---\n", "evidence/doc.md:3: front matter must declare 'kind'")]
    [InlineData("---\nkind: Risk Register\ntitle: x\n---\n", "evidence/doc.md:4: kind 'Risk Register' must be lowercase")]
    [InlineData("---\nkind: risk-register\ntitle: x\n  owner: y\n---\n", "evidence/doc.md:4: expected 'key: value'")]
    [InlineData("---\nkind: risk-register\ntitle:\n---\n", "evidence/doc.md:3: expected 'key: value'")]
    public async Task Front_matter_is_read_strictly(string content, string expected)
    {
        Write("doc.md", content);

        var error = await Assert.ThrowsAsync<StageException>(() => Collect());

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Windows_line_endings_and_a_byte_order_mark_are_accepted()
    {
        Write("doc.md", "\uFEFF---\r\nkind: risk-register\r\ntitle: Register\r\nrisksComplete: true\r\n---\r\n");

        var document = Assert.Single((await Collect()).Documents);

        Assert.Equal(("risk-register", "Register", "true"), (document.Kind, document.Title, document.Attributes["risksComplete"]));
    }

    [Fact]
    public async Task Two_documents_of_one_kind_are_refused()
    {
        Write("a.md", "---\nkind: risk-register\ntitle: A\n---\n");
        Write("b.md", "---\nkind: risk-register\ntitle: B\n---\n");

        var error = await Assert.ThrowsAsync<StageException>(() => Collect());

        Assert.Equal("'evidence/a.md' and 'evidence/b.md' both declare kind 'risk-register'; a model version has one document of each kind.", error.Message);
    }

    [Theory]
    [InlineData(null, "has no 'documents' property")]
    [InlineData("../outside", "must be a relative path below the stages base directory")]
    [InlineData("/etc", "must be a relative path below the stages base directory")]
    [InlineData("missing", "The evidence folder 'missing' does not exist.")]
    [InlineData("empty", "holds no Markdown (*.md) documents")]
    public async Task The_folder_must_be_an_existing_relative_folder_with_documents(string? folder, string expected)
    {
        Directory.CreateDirectory(Path.Combine(_directory.Path, "empty"));

        var error = await Assert.ThrowsAsync<StageException>(() => Collect(folder));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_model_version_there_is_nothing_to_attach_evidence_to()
    {
        var context = StageRig.Context("evidence", model: null, properties: Properties("data/credit/evidence"));

        var error = await Assert.ThrowsAsync<StageException>(() => new StageRig(RepositoryRoot.Path).Evidence().ExecuteAsync(context, CancellationToken.None));

        Assert.Contains("needs the model version trained by the run", error.Message, StringComparison.Ordinal);
    }

    private Task<StageResult> Collect(string? folder = "evidence") =>
        new StageRig(_directory.Path).Evidence().ExecuteAsync(Context(folder), CancellationToken.None);

    private StageContext Context(string? folder) => StageRig.Context("evidence", trained.Model, Properties(folder));

    private static ImmutableDictionary<string, string> Properties(string? folder) =>
        folder is null ? ImmutableDictionary<string, string>.Empty : ImmutableDictionary<string, string>.Empty.Add("documents", folder);

    private void Write(string name, string content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory.Path, "evidence")).FullName;
        File.WriteAllText(Path.Combine(folder, name), content);
    }
}
