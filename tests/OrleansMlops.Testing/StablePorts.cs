using System.Net;
using System.Net.Sockets;

namespace OrleansMlops.Testing;

/// <summary>
/// Ports for servers that bind some time after the port is chosen (a child process, a PostgreSQL server), taken below
/// Linux's ephemeral range (32768 and up). Ports chosen by binding to port 0 come from that range, so another test
/// process picking its ports that way cannot take ours in the meantime.
/// </summary>
public static class StablePorts
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> Handed = [];

    /// <summary>A port in [<paramref name="from"/>, <paramref name="to"/>) that is free now and not handed out before by this process.</summary>
    public static int Take(int from, int to)
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
