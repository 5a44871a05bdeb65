using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansMlops.Testing;

namespace OrleansMlops.Workers.Tests.Engine;

/// <summary>
/// What people do around the workers in these tests, each with their own bearer token: dana (designer) publishes a
/// one-stage workflow, alice (data scientist) starts a run and reads it.
/// </summary>
public sealed class EngineApi(EngineFactory engine)
{
    private readonly HttpClient http = engine.CreateClient();

    /// <summary>A process with one stage task (by default a generic one) done by workers on <paramref name="topic"/>.</summary>
    public async Task PublishExternalStage(string workflowId, string topic, string stage = "external")
    {
        var bpmn = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mlops="http://orleans-mlops.dev/schema/bpmn" id="d" targetNamespace="urn:t">
              <bpmn:process id="{workflowId}" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
                <bpmn:serviceTask id="work" name="Done by a worker" mlops:stage="{stage}" mlops:topic="{topic}" />
                <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        using var request = As(new HttpRequestMessage(HttpMethod.Put, $"/api/workflows/{workflowId}")
        {
            Content = new StringContent(bpmn, Encoding.UTF8, "application/xml"),
        }, "dana");
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> StartRun(string workflowId, object parameters)
    {
        using var request = As(new HttpRequestMessage(HttpMethod.Post, "/api/runs")
        {
            Content = JsonContent.Create(new { workflowId, parameters }),
        }, "alice");
        using var response = await http.SendAsync(request);
        var body = await Body(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("waitingForWorker", body.GetProperty("status").GetString());
        return body.GetProperty("runId").GetString()!;
    }

    public async Task<JsonElement> Run(string runId)
    {
        using var request = As(new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{runId}"), "alice");
        using var response = await http.SendAsync(request);
        return await Body(response);
    }

    /// <summary>A model version as the registry shows it (GET /api/models/{name}/versions/{version}).</summary>
    public async Task<JsonElement> ModelVersion(string name, int version)
    {
        using var request = As(new HttpRequestMessage(HttpMethod.Get, $"/api/models/{name}/versions/{version}"), "alice");
        using var response = await http.SendAsync(request);
        var body = await Body(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>Waits (bounded) until the run leaves the stage its worker holds.</summary>
    public Task<JsonElement> RunEnded(string runId) => Eventually.Until(
        () => Run(runId),
        run => run.GetProperty("status").GetString() is "completed" or "failed",
        TimeSpan.FromSeconds(15),
        $"run {runId} to end");

    private HttpRequestMessage As(HttpRequestMessage request, string person)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", engine.TokenFor(person));
        return request;
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
