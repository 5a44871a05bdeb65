using Microsoft.Extensions.Hosting;

namespace OrleansMlops.SampleGrainClient;

// A named class rather than top-level statements: the tests reference this sample beside the host, whose Program is global.
public static class Program
{
    /// <summary>
    /// A service that starts the credit model's retraining on a schedule through the grain API. Settings: appsettings.json
    /// beside the binary ("Engine" and "Retraining" sections), overridable by environment variables (Engine__GatewayPort=…)
    /// or the command line (--Retraining:StartedBy=…).
    /// </summary>
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddEngineClient().AddScheduledRetraining();
        await builder.Build().RunAsync();
    }
}
