using System.Net;
using System.Net.Sockets;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>A port the operating system says is free, so the harness's silos never clash with a host running on the defaults.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
