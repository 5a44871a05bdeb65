using System.Text;
using System.Text.Json;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance.Proposals;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Grains.Governance;

namespace OrleansMlops.Grains.Tests;

/// <summary>The rule-set change grain's state keeps only pending proposals; decided ones are read back from its audit stream.</summary>
public sealed class RuleSetChangeHistoryTests : IAsyncLifetime
{
    private static readonly Actor Colin = new("colin", [], null);
    private static readonly Actor Cora = new("cora", [], null);

    private readonly EngineSetup _setup = new();
    private EngineCluster _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineCluster.StartAsync(_setup);
        await _engine.Client.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key).Seed(
            [new SeededPrincipal("colin", [Roles.ComplianceAuthor], "compliance"), new SeededPrincipal("cora", [Roles.ComplianceAuthor], "compliance")], "test authors");
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    private IRuleSetChangeGrain Changes => _engine.Client.GetGrain<IRuleSetChangeGrain>(IRuleSetChangeGrain.Key);

    [Fact]
    public async Task A_hundred_and_fifty_decided_proposals_leave_the_state_row_as_small_as_fifty_and_are_all_listed_once_after_a_crash()
    {
        await ProposeAndWithdraw(from: 1, count: 50);
        var before = await _engine.PayloadLength(Changes, "rule-set-changes");
        await ProposeAndWithdraw(from: 51, count: 100);

        Assert.InRange(await _engine.PayloadLength(Changes, "rule-set-changes"), before - 16, before + 16);
        _engine = await _engine.CrashAndRestartAsync();
        var listed = await Changes.List(status: null, ruleSetId: null);
        Assert.Equal(Enumerable.Range(1, 150).Reverse().Select(i => $"rsp-{i:D5}"), listed.Select(p => p.ProposalId));
        Assert.All(listed, p => Assert.Equal((ProposalStatus.Rejected, "colin"), (p.Status, p.DecidedBy)));
        Assert.Equal(ProposalStatus.Rejected, (await Changes.Get("rsp-00007"))!.Status);
        var again = await Assert.ThrowsAsync<ProposalException>(() => Changes.Reject("rsp-00007", Cora, "twice"));
        Assert.Equal(ProposalErrorCode.AlreadyDecided, again.Code);
        Assert.Equal("rsp-00151", (await Changes.Propose("house-rules", Candidate(151), null, Colin)).ProposalId);
        Assert.True((await Changes.VerifyAudit()).Valid);
    }

    [Fact]
    public async Task A_state_stored_with_its_decided_proposals_inside_keeps_the_pending_ones_and_lists_every_proposal_once()
    {
        var withdrawn = await Changes.Reject((await Changes.Propose("house-rules", Candidate(1), null, Colin)).ProposalId, Colin, "not yet");
        var pending = await Changes.Propose("house-rules", Candidate(2), null, Colin);
        _engine = await _engine.RestartAsync();
        await _engine.RewriteStateAsync<RuleSetChangeState>(Changes, "rule-set-changes", old =>
        {
            old.Proposals = [withdrawn, pending];
            old.ProposalsMade = 0;
        });

        var listed = await Changes.List(status: null, ruleSetId: null);
        _engine = await _engine.RestartAsync();

        Assert.Equal([pending.ProposalId, withdrawn.ProposalId], listed.Select(p => p.ProposalId));
        Assert.Equal(listed.Select(p => (p.ProposalId, p.Status)), (await Changes.List(status: null, ruleSetId: null)).Select(p => (p.ProposalId, p.Status)));
        Assert.Equal("rsp-00003", (await Changes.Propose("house-rules", Candidate(3), null, Colin)).ProposalId);
        Assert.Equal(ProposalStatus.Rejected, (await Changes.Reject(pending.ProposalId, Cora, "superseded")).Status);
    }

    private async Task ProposeAndWithdraw(int from, int count)
    {
        foreach (var i in Enumerable.Range(from, count))
        {
            var proposal = await Changes.Propose("house-rules", Candidate(i), null, Colin);
            await Changes.Reject(proposal.ProposalId, Colin, "withdrawn");
        }
    }

    private static byte[] Candidate(int i) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        id = "house-rules",
        title = "House rules",
        owner = "grain-tests",
        appliesTo = new[] { "enter:train" },
        workflows = new[]
        {
            new { WorkflowName = "house-rules", Rules = new[] { new { RuleName = "HR-1 purpose declared", Expression = "run.HasVariable(\"purpose\")", ErrorMessage = $"Declare the purpose ({i})." } } },
        },
    }));
}
