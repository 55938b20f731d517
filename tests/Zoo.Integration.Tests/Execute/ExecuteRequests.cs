using System.Security;

namespace Zoo.Integration.Tests.Execute;

/// <summary>Builds Execute requests: WPS 1.0.0 KVP query strings, and 1.0.0 / 2.0.0 XML documents.</summary>
public static class ExecuteRequests
{
    public const string Wps10Namespaces =
        "xmlns:wps=\"http://www.opengis.net/wps/1.0.0\" xmlns:ows=\"http://www.opengis.net/ows/1.1\" " +
        "xmlns:xlink=\"http://www.w3.org/1999/xlink\"";

    public const string Wps20Namespaces =
        "xmlns:wps=\"http://www.opengis.net/wps/2.0\" xmlns:ows=\"http://www.opengis.net/ows/2.0\" " +
        "xmlns:xlink=\"http://www.w3.org/1999/xlink\"";

    /// <summary>A 1.0.0 KVP Execute; <paramref name="rest"/> is appended as is (e.g. "&amp;RawDataOutput=Result").</summary>
    public static string Kvp(string identifier, string dataInputs, string rest = "") =>
        $"service=WPS&version=1.0.0&request=Execute&Identifier={identifier}&DataInputs={dataInputs}{rest}";

    /// <summary>Percent-encodes a value for a query string.</summary>
    public static string Q(string value) => Uri.EscapeDataString(value);

    public static string X(string value) => SecurityElement.Escape(value);

    /// <summary>A 1.0.0 wps:Execute with the given wps:Input elements and wps:ResponseForm content.</summary>
    public static string Xml10(string identifier, string inputs, string responseForm) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <wps:Execute service="WPS" version="1.0.0" {Wps10Namespaces}>
          <ows:Identifier>{identifier}</ows:Identifier>
          <wps:DataInputs>{inputs}</wps:DataInputs>
          <wps:ResponseForm>{responseForm}</wps:ResponseForm>
        </wps:Execute>
        """;

    public static string Literal10(string name, string value) =>
        $"<wps:Input><ows:Identifier>{name}</ows:Identifier><wps:Data><wps:LiteralData>{X(value)}</wps:LiteralData></wps:Data></wps:Input>";

    public static string Complex10(string name, string attributes, string content) =>
        $"<wps:Input><ows:Identifier>{name}</ows:Identifier><wps:Data><wps:ComplexData {attributes}>{content}</wps:ComplexData></wps:Data></wps:Input>";

    public static string Reference10(string name, string href, string attributes = "") =>
        $"<wps:Input><ows:Identifier>{name}</ows:Identifier><wps:Reference xlink:href=\"{X(href)}\" {attributes}/></wps:Input>";

    public static string Document10(string output, string attributes = "") =>
        $"<wps:ResponseDocument><wps:Output {attributes}><ows:Identifier>{output}</ows:Identifier></wps:Output></wps:ResponseDocument>";

    public static string Raw10(string output, string attributes = "") =>
        $"<wps:RawDataOutput {attributes}><ows:Identifier>{output}</ows:Identifier></wps:RawDataOutput>";

    /// <summary>A 2.0.0 synchronous wps:Execute with the given wps:Input and wps:Output elements.</summary>
    public static string Xml20(string identifier, string inputs, string outputs, string response = "document") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <wps:Execute service="WPS" version="2.0.0" response="{response}" mode="sync" {Wps20Namespaces}>
          <ows:Identifier>{identifier}</ows:Identifier>
          {inputs}
          {outputs}
        </wps:Execute>
        """;

    public static string Data20(string name, string attributes, string content) =>
        $"<wps:Input id=\"{name}\"><wps:Data {attributes}>{content}</wps:Data></wps:Input>";

    public static string Reference20(string name, string href, string attributes = "") =>
        $"<wps:Input id=\"{name}\"><wps:Reference xlink:href=\"{X(href)}\" {attributes}/></wps:Input>";

    public static string Output20(string name, string transmission = "value", string attributes = "") =>
        $"<wps:Output id=\"{name}\" transmission=\"{transmission}\" {attributes}/>";
}
