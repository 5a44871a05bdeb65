using System.Xml;
using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>Reads what problems and definitions need from an element: id, name, position, typed attributes.</summary>
internal static class XmlElementInfo
{
    public static string? Id(this XElement element) => NonEmpty(element.Attribute("id")?.Value);

    public static string? DisplayName(this XElement element) => NonEmpty(element.Attribute("name")?.Value);

    public static string? Reference(this XElement element, string attributeName) =>
        NonEmpty(element.Attribute(attributeName)?.Value);

    public static string Kind(this XElement element) => element.Name.LocalName;

    public static int Line(this XElement element) => ((IXmlLineInfo)element).LineNumber;

    public static int Column(this XElement element) => ((IXmlLineInfo)element).LinePosition;

    public static bool IsBpmn(this XElement element) => element.Name.Namespace == BpmnNames.Model;

    public static IEnumerable<XElement> BpmnChildren(this XElement element) =>
        element.Elements().Where(child => child.IsBpmn());

    /// <summary>An xsd:boolean attribute ("true", "false", "1", "0"); <paramref name="fallback"/> when absent or invalid.</summary>
    public static bool Flag(this XElement element, string attributeName, bool fallback)
    {
        var text = element.Attribute(attributeName)?.Value.Trim();
        return text switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => fallback,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
