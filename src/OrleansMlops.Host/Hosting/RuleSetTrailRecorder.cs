using OrleansMlops.Abstractions.Governance.Proposals;
using OrleansMlops.Governance.Catalog;

namespace OrleansMlops.Host.Hosting;

/// <summary>
/// Chains each rule set version the operator put in force through the policies folder into the rule set audit trail:
/// those loaded at start, then each one the folder watcher finds. The grain also does it before every proposal step,
/// so a version this misses (the silo was busy, a call failed) is chained at the next step.
/// </summary>
public sealed partial class RuleSetTrailRecorder(RuleSetCatalog catalog, IGrainFactory grains, ILogger<RuleSetTrailRecorder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RecordAsync();
        catalog.FolderVersionsActivated += OnFolderVersionsActivated;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.FolderVersionsActivated -= OnFolderVersionsActivated;
        return Task.CompletedTask;
    }

    private void OnFolderVersionsActivated(object? sender, EventArgs e) => _ = RecordAsync();

    private async Task RecordAsync()
    {
        try
        {
            await grains.GetGrain<IRuleSetChangeGrain>(IRuleSetChangeGrain.Key).RecordOperatorActivations();
        }
        catch (Exception e)
        {
            RecordFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule set versions from the policies folder could not be chained into the rule set audit trail now; the next proposal step chains them")]
    private static partial void RecordFailed(ILogger logger, Exception exception);
}
