using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansMlops.SampleWorker;
using OrleansMlops.Workers;

// A worker next to the engine: polls topic sample.backtest and reports backtest metrics. Settings: appsettings.json
// ("Worker" section) beside the binary, wherever it is started from, overridable by environment variables
// (Worker__BaseAddress=…) or the command line (--Worker:WorkerId=…). The API key is left empty there on purpose: it is
// a secret, so it comes from the environment (Worker__ApiKey=mlops_…) and start-up fails, naming it, without one.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddExternalTaskWorker(options => builder.Configuration.GetSection("Worker").Bind(options));
builder.Services.AddExternalTaskHandler<BacktestHandler>();
await builder.Build().RunAsync();
