using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Host.Hosting;

/// <summary>
/// Publishes the BPMN files of the workflows folder when the host starts. An unchanged file maps to its existing
/// version; a refused file is logged with each problem and does not stop the host.
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
            var result = await grains.GetGrain<IWorkflowDefinitionGrain>(workflowId).PublishFromFolder(xml, System.IO.Path.GetRelativePath(environment.ContentRootPath, file));
            if (result.Version is { } version)
            {
                Published(logger, workflowId, version.Version, version.ContentHash, result.Created);
            }
            else
            {
                Refused(logger, file, string.Join(Environment.NewLine, result.Problems));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow {WorkflowId} is at v{WorkflowVersion} ({ContentHash}); new version: {Created}")]
    private static partial void Published(ILogger logger, string workflowId, int workflowVersion, string contentHash, bool created);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow file {File} was refused:\n{Problems}")]
    private static partial void Refused(ILogger logger, string file, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflows folder {Folder} does not exist; no workflow was published")]
    private static partial void FolderMissing(ILogger logger, string folder);
}
