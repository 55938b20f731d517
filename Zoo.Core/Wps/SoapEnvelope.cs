using Zoo.Core.Xml;

namespace Zoo.Core.Wps;

/// <summary>A request that came in a SOAP envelope is answered in one, as ZOO does.</summary>
public static class SoapEnvelope
{
    public const string Namespace = "http://www.w3.org/2003/05/soap-envelope";

    public static ElementNode Wrap(ElementNode document)
    {
        var envelope = new ElementNode("soap:Envelope").Attr("xmlns:soap", Namespace);
        envelope.Child("soap:Body").Add(document);
        return envelope;
    }
}
