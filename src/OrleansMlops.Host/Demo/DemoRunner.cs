using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OrleansMlops.Host.Demo;

/// <summary>Runs <see cref="CreditRiskDemo"/> in a started host, naming the address the host actually listens on.</summary>
public sealed class DemoRunner(IGrainFactory grains, IServer server, IConfiguration configuration, TimeProvider time)
{
    public Task<DemoResult> RunAsync(TextWriter output, CancellationToken cancellationToken) =>
        new CreditRiskDemo(grains, output, time).RunAsync(BaseUrl(), cancellationToken);

    private string BaseUrl() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
        ?? configuration["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
        ?? "http://127.0.0.1:5080";
}
