using OrleansMlops.Host.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMlopsEngine();

var app = builder.Build();
app.UseMlopsApi();
await app.RunAsync();

/// <summary>The host's entry point, visible to tests that start it in-process.</summary>
public partial class Program;
