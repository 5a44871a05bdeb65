using OrleansMlops.Testing;

namespace OrleansMlops.Resilience.Tests;

/// <summary>The ports of one machine of the cluster: its HTTP API, its silo and its client gateway.</summary>
public sealed record NodePorts(string Name, int Http, int Silo, int Gateway)
{
    public static NodePorts Allocate(string name) =>
        new(name, TestPorts.Stable(20_000, 32_000), TestPorts.Stable(20_000, 32_000), TestPorts.Stable(20_000, 32_000));
}
