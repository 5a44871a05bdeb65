using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Grains.Tests;

/// <summary>Champion and challenger: aliases name only approved or released versions, and every change is kept.</summary>
public sealed class ModelAliasTests : IAsyncLifetime
{
    private readonly EngineSetup _setup = new();
    private EngineCluster _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineCluster.StartAsync(_setup);
        await _engine.PublishAsync("credit-risk", Testing.RepoPaths.Workflow("credit-risk"));
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    private IModelRegistryGrain Registry => _engine.Client.GetGrain<IModelRegistryGrain>("credit-risk");

    [Fact]
    public async Task Champion_and_challenger_move_between_released_versions_with_their_history()
    {
        await _engine.Client.Release("run-v1");
        await _engine.Client.Release("run-v2");

        await Registry.SetAlias("champion", 1, "dora", "released first");
        await Registry.SetAlias("challenger", 2, "dora", "shadow test");
        _setup.Clock.Advance(TimeSpan.FromDays(30));
        await Registry.SetAlias("champion", 2, "dora", "won the shadow test");
        var unchanged = await Registry.SetAlias("champion", 2, "dora", null);
        var final = await Registry.SetAlias("challenger", null, "dora", "test over");

        Assert.Equal(unchanged.History.Length, final.History.Length - 1);
        Assert.Equal([KeyValuePair.Create("champion", 2)], final.Aliases);
        Assert.Equal(
            [("champion", (int?)1, (int?)null), ("challenger", 2, null), ("champion", 2, 1), ("challenger", null, 2)],
            final.History.Select(c => (c.Alias, c.Version, c.PreviousVersion)));
        Assert.Equal(("dora", "won the shadow test"), (final.History[2].Actor, final.History[2].Reason));
        var read = await Registry.GetAliases();
        Assert.Equal(final.Aliases, read.Aliases);
        Assert.Equal(final.History.AsEnumerable(), read.History.AsEnumerable());
    }

    [Fact]
    public async Task Only_a_deployer_in_the_role_directory_moves_an_alias()
    {
        await _engine.Client.Release("run-v1");

        var approver = await Assert.ThrowsAsync<RoleDirectoryException>(() => Registry.SetAlias("champion", 1, Actors.Dave.Id, "my pick"));
        var stranger = await Assert.ThrowsAsync<RoleDirectoryException>(() => Registry.SetAlias("champion", 1, "eve", "unknown to the directory"));

        Assert.Equal(RoleDirectoryErrorCode.NotPermitted, approver.Code);
        Assert.Contains("'dave' holds approver", approver.Message, StringComparison.Ordinal);
        Assert.Contains("'eve' holds none", stranger.Message, StringComparison.Ordinal);
        Assert.Empty((await Registry.GetAliases()).History);
    }

    [Fact]
    public async Task An_alias_cannot_name_a_version_that_was_not_approved_or_does_not_exist()
    {
        await _engine.Client.Start("run-unapproved");

        var unapproved = await Assert.ThrowsAsync<ModelVersionException>(() => Registry.SetAlias("champion", 1, "dora", null));
        var missing = await Assert.ThrowsAsync<ModelVersionException>(() => Registry.SetAlias("champion", 7, "dora", null));
        var badName = await Assert.ThrowsAsync<ModelVersionException>(() => Registry.SetAlias("Champion!", 1, "dora", null));

        Assert.Equal(
            (ModelVersionErrorCode.WrongLifecycle, ModelVersionErrorCode.NotRegistered, ModelVersionErrorCode.InvalidRequest),
            (unapproved.Code, missing.Code, badName.Code));
        Assert.Contains("is Registered", unapproved.Message, StringComparison.Ordinal);
        Assert.Contains("has no version 7", missing.Message, StringComparison.Ordinal);
        Assert.Contains("not a valid name", badName.Message, StringComparison.Ordinal);
        Assert.Empty((await Registry.GetAliases()).History);
    }
}
