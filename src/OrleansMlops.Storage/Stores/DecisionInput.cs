using System.IO.Compression;
using System.Text;

namespace OrleansMlops.Storage.Stores;

/// <summary>A decision's input JSON as <c>gate_decision_inputs</c> keeps it: UTF-8, deflated.</summary>
internal static class DecisionInput
{
    public static byte[] Deflate(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        using var deflated = new MemoryStream(utf8.Length / 3);
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(utf8);
        }

        return deflated.ToArray();
    }

    public static string Inflate(byte[] deflated)
    {
        using var inflate = new DeflateStream(new MemoryStream(deflated), CompressionMode.Decompress);
        using var reader = new StreamReader(inflate, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
