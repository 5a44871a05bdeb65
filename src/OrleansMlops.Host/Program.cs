using OrleansMlops.Host.Demo;
using OrleansMlops.Host.Hosting;

// `demo` drives one governed release end to end and keeps serving; `demo --exit` stops after it (scripts, CI).
var demo = args.Length > 0 && args[0] == "demo";
var builder = WebApplication.CreateBuilder(demo ? args[1..].Where(a => a != "--exit").ToArray() : args);
if (demo)
{
    // The demo prints its own progress; the engine's log keeps to warnings so the two do not interleave.
    builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
    builder.Configuration["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning";

    // The demo is the one-command walkthrough: sample people sign in with generated development keys.
    builder.Configuration["Security:Development"] = "true";
}

if (OpenApiDocument.IsBeingGenerated)
{
    OpenApiDocument.ConfigureGeneration(builder.Configuration);
}

builder.AddMlopsEngine();

var app = builder.Build();
app.UseMlopsApi();
if (!demo)
{
    await app.RunAsync();
    return 0;
}

await app.StartAsync();
var result = await app.Services.GetRequiredService<DemoRunner>().RunAsync(Console.Out, app.Lifetime.ApplicationStopping);
if (args.Contains("--exit") || !result.AuditVerified)
{
    await app.StopAsync();
    return result.AuditVerified && result.Status == OrleansMlops.Abstractions.Runs.RunStatus.Completed ? 0 : 1;
}

await app.WaitForShutdownAsync();
return 0;

/// <summary>The host's entry point, visible to tests that start it in-process.</summary>
public partial class Program;
