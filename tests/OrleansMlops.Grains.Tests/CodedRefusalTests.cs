using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansMlops.Abstractions.Failures;
using OrleansMlops.Abstractions.Governance.Proposals;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Monitoring;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Grains.Tests;

/// <summary>A coded refusal thrown in a grain reaches the caller as its area's type with its code, whatever else it carries.</summary>
public sealed class CodedRefusalTests : IAsyncLifetime
{
    private readonly EngineSetup _setup = new();
    private EngineCluster _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineCluster.StartAsync(_setup);

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    [Fact]
    public async Task A_refusal_thrown_in_a_grain_arrives_with_its_area_code_and_kind()
    {
        var alias = await Assert.ThrowsAnyAsync<MlopsException>(() =>
            _engine.Client.GetGrain<IModelRegistryGrain>("credit-risk").SetAlias("Champion!", 1, "dora", null));
        var permission = await Assert.ThrowsAnyAsync<MlopsException>(() =>
            _engine.Client.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key).Authorize("eve", Permission.Release));

        Assert.IsType<ModelVersionException>(alias);
        Assert.Equal(("models", "InvalidRequest", FailureKind.Invalid), (alias.Area, alias.ErrorCode, alias.Kind));
        Assert.IsType<RoleDirectoryException>(permission);
        Assert.Equal(("roles", "NotPermitted", FailureKind.Forbidden), (permission.Area, permission.ErrorCode, permission.Kind));
    }

    [Fact]
    public void What_a_refusal_carries_beyond_its_code_survives_the_cluster_serializer()
    {
        var serializer = _engine.Client.ServiceProvider.GetRequiredService<Serializer>();
        var refusal = new CandidateRefusal("Compile", "no such metric", "approvals", "auc-floor", "auc > 0.7");

        var candidate = RoundTrip(serializer, new ProposalException(refusal, "refused"));
        var reused = RoundTrip(serializer, new MonitoringException(MonitoringErrorCode.ObservationReused, "reported before"));

        var proposal = Assert.IsType<ProposalException>(candidate);
        Assert.Equal((ProposalErrorCode.CandidateRefused, refusal, "refused"), (proposal.Code, proposal.Refusal, proposal.Message));
        Assert.Equal("observationId", Assert.IsType<MonitoringException>(reused).Facts["where"]);
    }

    private static Exception? RoundTrip(Serializer serializer, Exception exception) =>
        serializer.Deserialize<Exception>(serializer.SerializeToArray(exception));
}
