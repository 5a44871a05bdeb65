using System.Net;

namespace OrleansMlops.Host.Identity;

/// <summary>One entry of <see cref="SecurityOptions.TrustedProxies"/>: an address, or a network in CIDR notation.</summary>
internal static class TrustedProxy
{
    public static bool TryParse(string? entry, out IPNetwork network)
    {
        var text = entry?.Trim() ?? string.Empty;
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(text, out network);
    }
}
