using System.Net;
using System.Net.Sockets;

namespace OrleansMlops.Testing;

/// <summary>Ports for the servers tests start.</summary>
public static class TestPorts
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> Handed = [];

    /// <summary>A free port chosen by the operating system (from its ephemeral range), for a server that binds at once.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A port in [<paramref name="from"/>, <paramref name="to"/>) that is free now and not handed out before by this
    /// process, for a server that binds some time later (a child process, a PostgreSQL server). Ranges below Linux's
    /// ephemeral range (32768 and up) are safe from <see cref="Free"/> in another test process meanwhile.
    /// </summary>
    public static int Stable(int from, int to)
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var port = Random.Shared.Next(from, to);
                if (!Handed.Contains(port) && IsFree(port))
                {
                    Handed.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free port between {from} and {to}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
