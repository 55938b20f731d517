using System.Xml.Linq;

namespace Zoo.Integration.Tests.Support;

/// <summary>Reads the exceptions of an OWS 1.1 or 2.0 ExceptionReport a CGI answered.</summary>
public static class OwsReport
{
    public static readonly XNamespace Ows11 = "http://www.opengis.net/ows/1.1";
    public static readonly XNamespace Ows20 = "http://www.opengis.net/ows/2.0";

    public static IReadOnlyList<XElement> Exceptions(CgiResult result)
    {
        var report = XDocument.Parse(result.Text).Root!;
        if (report.Name.LocalName != "ExceptionReport")
            Assert.Fail("not an ExceptionReport:\n" + result.Text);
        var ows = report.Name.Namespace == Ows20 ? Ows20 : Ows11;
        return report.Elements(ows + "Exception").ToList();
    }

    public static XElement First(CgiResult result) => Exceptions(result)[0];

    public static string? Code(CgiResult result) => First(result).Attribute("exceptionCode")?.Value;

    public static string? Locator(CgiResult result) => First(result).Attribute("locator")?.Value;

    public static string Text(CgiResult result) =>
        First(result).Elements().FirstOrDefault(e => e.Name.LocalName == "ExceptionText")?.Value ?? "";
}
