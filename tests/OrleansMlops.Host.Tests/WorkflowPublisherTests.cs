using OrleansMlops.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Host.Hosting;
using OrleansMlops.Testing;

namespace OrleansMlops.Host.Tests;

/// <summary>What the host says at start about each workflow file: the version it is, and whether that is the one runs use.</summary>
public sealed class WorkflowPublisherTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>, IDisposable
{
    private readonly TestDirectory _folder = new();
    private readonly LogCapture _logs = new();
    private readonly string _workflowId = $"publisher-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_new_file_is_reported_as_published_and_the_same_file_at_the_next_start_as_unchanged()
    {
        await File.WriteAllTextAsync(_folder.File($"{_workflowId}.bpmn"), Document("First"));

        await Publisher().StartAsync(CancellationToken.None);
        await Publisher().StartAsync(CancellationToken.None);

        var hash = (await Workflow().GetVersions())[0].ContentHash;
        Assert.Equal(
            [
                $"Information {typeof(WorkflowPublisher).FullName}: Workflow {_workflowId} v1 published from its file ({hash})",
                $"Information {typeof(WorkflowPublisher).FullName}: Workflow {_workflowId} is at v1, unchanged in its file ({hash})",
            ],
            Messages());
    }

    [Fact]
    public async Task A_file_older_than_the_versions_published_since_names_its_version_and_the_latest()
    {
        await File.WriteAllTextAsync(_folder.File($"{_workflowId}.bpmn"), Document("First"));
        await Publisher().StartAsync(CancellationToken.None);

        // Published through the API or the studio while the host ran; the file on disk stays the first version.
        Assert.True((await Workflow().Publish(Document("Second"), Dana)).Created);
        Assert.True((await Workflow().Publish(Document("Third"), Dana)).Created);
        await Publisher().StartAsync(CancellationToken.None);

        var versions = await Workflow().GetVersions();
        Assert.Equal(3, versions.Count);
        Assert.Equal(
            $"Information {typeof(WorkflowPublisher).FullName}: Workflow {_workflowId}: its file is v1 ({versions[0].ContentHash}); "
            + "the latest startable is v3, published by dana, and new runs start on it",
            Messages()[^1]);
    }

    private static readonly Actor Dana = new("dana", [], null);

    public void Dispose() => _folder.Dispose();

    private WorkflowPublisher Publisher() => new(
        factory.Services.GetRequiredService<IGrainFactory>(),
        Options.Create(new WorkflowsOptions { Path = _folder.Path }),
        factory.Services.GetRequiredService<IHostEnvironment>(),
        new LoggerFactory([_logs]).CreateLogger<WorkflowPublisher>());

    private IWorkflowDefinitionGrain Workflow() => factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorkflowDefinitionGrain>(_workflowId);

    /// <summary>The rendered messages, without the property list LogCapture appends.</summary>
    private List<string> Messages() => [.. _logs.Entries.Select(entry => entry[..entry.IndexOf(" | ", StringComparison.Ordinal)])];

    private static string Document(string name) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mlops="http://orleans-mlops.dev/schema/bpmn" id="d" targetNamespace="urn:t">
          <bpmn:process id="publisher" name="{name}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="train" />
            <bpmn:serviceTask id="train" name="Train" mlops:stage="train" />
            <bpmn:sequenceFlow id="f2" sourceRef="train" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
