using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Host.Hosting;

/// <summary>
/// Publishes the BPMN files of the workflows folder when the host starts. An unchanged file maps to its existing
/// version, which is not the latest when newer ones were published since: the log then names both. A refused file is
/// logged with each problem and does not stop the host.
/// </summary>
public sealed partial class WorkflowPublisher(
    IGrainFactory grains,
    IOptions<WorkflowsOptions> options,
    IHostEnvironment environment,
    ILogger<WorkflowPublisher> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.PublishOnStart)
        {
            return;
        }

        var folder = System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        if (!Directory.Exists(folder))
        {
            FolderMissing(logger, folder);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            var workflowId = System.IO.Path.GetFileNameWithoutExtension(file);
            var xml = await File.ReadAllTextAsync(file, cancellationToken);
            var workflow = grains.GetGrain<IWorkflowDefinitionGrain>(workflowId);
            var result = await workflow.PublishFromFolder(xml, System.IO.Path.GetRelativePath(environment.ContentRootPath, file));
            if (result.Version is not { } version)
            {
                Refused(logger, file, string.Join(Environment.NewLine, result.Problems));
            }
            else if (result.Created)
            {
                Published(logger, workflowId, version.Version, version.ContentHash);
            }
            else if ((await workflow.GetVersions()).LastOrDefault(v => v.IsStartable) is { } latest && latest.Version != version.Version)
            {
                // Versions published (and approved) since through the API or the studio stay the latest: the file names an older one.
                FileIsOlder(logger, workflowId, version.Version, version.ContentHash, latest.Version, latest.PublishedBy);
            }
            else
            {
                Unchanged(logger, workflowId, version.Version, version.ContentHash);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow {WorkflowId} v{WorkflowVersion} published from its file ({ContentHash})")]
    private static partial void Published(ILogger logger, string workflowId, int workflowVersion, string contentHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow {WorkflowId} is at v{WorkflowVersion}, unchanged in its file ({ContentHash})")]
    private static partial void Unchanged(ILogger logger, string workflowId, int workflowVersion, string contentHash);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Workflow {WorkflowId}: its file is v{FileVersion} ({ContentHash}); the latest startable is v{WorkflowVersion}, published by {PublishedBy}, and new runs start on it")]
    private static partial void FileIsOlder(ILogger logger, string workflowId, int fileVersion, string contentHash, int workflowVersion, string publishedBy);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow file {File} was refused:\n{Problems}")]
    private static partial void Refused(ILogger logger, string file, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflows folder {Folder} does not exist; no workflow was published")]
    private static partial void FolderMissing(ILogger logger, string folder);
}
