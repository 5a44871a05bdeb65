using System.ComponentModel.DataAnnotations;

namespace OrleansMlops.Host.Hosting;

/// <summary>The silo's identity and ports. ServiceId keys stored grain state: keep it stable across restarts.</summary>
public sealed class OrleansHostOptions
{
    public const string Section = "Orleans";

    [Required]
    public string ClusterId { get; set; } = "orleans-mlops";

    [Required]
    public string ServiceId { get; set; } = "orleans-mlops";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;
}
