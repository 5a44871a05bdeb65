using System.Diagnostics;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// The engine's spans and metrics, captured with in-memory exporters. Sources and meters are process-wide, so other
/// tests' hosts may add their own: every assertion picks this test's runs by id, or counts at least its own.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_release_traces_every_gate_and_stage_in_one_trace_per_run_and_counts_runs_blocks_and_failed_rules()
    {
        var spans = new LockedCollection<Activity>();
        var metrics = new List<Metric>();
        await using var factory = new EngineHostFactory();
        await using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        }));
        var http = host.CreateClient().SignedInAs("audrey");

        await http.ReleaseCreditModel();
        var blocked = await (await http.SendAsync(
            RunsApiTests.StartCreditRun(new Dictionary<string, object> { ["purpose"] = "creditworthiness assessment of retail loan applicants" }).As("alice"))).Body();
        Assert.Equal("blocked", blocked.GetProperty("status").GetString());

        var runs = await (await http.GetAsync("/api/runs?workflowId=credit-risk")).Body();
        var released = runs.EnumerateArray().Single(r => r.GetProperty("status").GetString() == "completed").GetProperty("runId").GetString()!;
        var ofRelease = Snapshot(spans).Where(s => Equals(s.GetTagItem("mlops.run_id"), released)).ToList();
        Assert.Contains(ofRelease, s => s.DisplayName == "gate enter:train" && Equals(s.GetTagItem("mlops.outcome"), "Allowed"));
        Assert.Contains(ofRelease, s => s.DisplayName == "stage train");
        Assert.Contains(ofRelease, s => s.DisplayName == "gate enter:deploy");
        Assert.Contains(ofRelease, s => s.DisplayName == "stage deploy");
        Assert.Single(ofRelease.Select(s => s.TraceId).Distinct());
        Assert.All(ofRelease.Where(s => s.DisplayName.StartsWith("gate", StringComparison.Ordinal)), s => Assert.NotNull(s.GetTagItem("mlops.decision_id")));
        var blockedId = blocked.GetProperty("runId").GetString();
        Assert.Contains(Snapshot(spans), s => Equals(s.GetTagItem("mlops.run_id"), blockedId) && Equals(s.GetTagItem("mlops.outcome"), "Blocked"));

        Assert.True(host.Services.GetRequiredService<MeterProvider>().ForceFlush());
        Assert.True(Sum(metrics, "mlops.runs.started", ("mlops.workflow", "credit-risk")) >= 2);
        Assert.True(Sum(metrics, "mlops.runs.completed", ("mlops.workflow", "credit-risk")) >= 1);
        Assert.True(Sum(metrics, "mlops.runs.blocked", ("mlops.transition", "enter:train")) >= 1);
        Assert.True(Sum(metrics, "mlops.gate.failures", ("mlops.rule", "AI-01 intended purpose and risk class declared")) >= 1);
        Assert.True(HistogramCount(metrics, "mlops.transition.duration", ("mlops.kind", "stage")) >= 1);
        Assert.True(HistogramCount(metrics, "mlops.transition.duration", ("mlops.kind", "gate")) >= 1);
        Assert.True(HistogramCount(metrics, "mlops.storage.commit.writes", ("mlops.storage.outcome", "committed")) >= 1);
        Assert.True(HistogramCount(metrics, "mlops.storage.commit.duration", ("mlops.storage.outcome", "committed")) >= 1);
    }

    private static List<Activity> Snapshot(LockedCollection<Activity> spans) => spans.ToList();

    private static long Sum(List<Metric> metrics, string name, (string Key, string Value) tag) =>
        Points(metrics, name, tag).Sum(p => p.GetSumLong());

    private static long HistogramCount(List<Metric> metrics, string name, (string Key, string Value) tag) =>
        Points(metrics, name, tag).Sum(p => p.GetHistogramCount());

    private static List<MetricPoint> Points(List<Metric> metrics, string name, (string Key, string Value) tag)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var pair in point.Tags)
                {
                    if (pair.Key == tag.Key && Equals(pair.Value, tag.Value))
                    {
                        points.Add(point);
                    }
                }
            }
        }

        return points;
    }
}

public sealed class TelemetryOptionsTests
{
    [Fact]
    public void An_unknown_exporter_is_refused_naming_the_key()
    {
        var problems = new OrleansMlops.Host.Telemetry.TelemetryOptions { Exporters = ["console", "zipkin"] }.Validate();

        Assert.Equal(["Telemetry:Exporters holds 'zipkin', which is not an exporter; use 'console' or 'otlp'."], problems);
    }
}
