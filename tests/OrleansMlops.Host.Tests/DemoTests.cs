using Microsoft.Extensions.DependencyInjection;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Host.Demo;

namespace OrleansMlops.Host.Tests;

/// <summary>The one-command demo, run end to end inside the test host.</summary>
public sealed class DemoTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    [Fact]
    public async Task The_demo_drives_a_governed_release_to_production_printing_each_step_and_where_to_look()
    {
        var output = new StringWriter();

        var result = await factory.Services.GetRequiredService<DemoRunner>().RunAsync(output, CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.True(result.AuditVerified, text);
        Assert.NotNull(result.Model);
        foreach (var step in new[]
        {
            "run.started", "Gate enter:train allowed", "Stage train completed", "Stage evidence completed", "Stage validate completed",
            "vera (validator, model-validation) signs off UserTask_ValidationReview", "bob (approver, model-risk-management) signs off UserTask_ApproveModel",
            "evidence.generated", "Stage deploy completed",
        })
        {
            Assert.Contains(step, text, StringComparison.Ordinal);
        }

        Assert.Contains($"Audit trail: {result.AuditRecords} records, hash chain verified.", text, StringComparison.Ordinal);
        Assert.Contains($"/api/runs/{result.RunId}/audit/verify", text, StringComparison.Ordinal);
        Assert.Contains($"/studio/#/runs/{result.RunId}", text, StringComparison.Ordinal);
        Assert.Contains($"/api/models/{result.Model.Name}/versions/{result.Model.Version}/documents/model-card.html", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Stage train completed", StringComparison.Ordinal) < text.IndexOf("evidence.generated", StringComparison.Ordinal));
    }
}
