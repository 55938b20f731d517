using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;


/// <summary>The GetCapabilities document, WPS 1.0.0 (wps:ProcessOfferings) or 2.0.0 (wps:Contents).</summary>
public static class CapabilitiesWriter
{
    public static ElementNode Build(MainConfig config, WpsVersion version, string language, string serviceUrl,
        IEnumerable<ProcessOffering> processes)
    {
        var root = ResponseRoot.Create("wps:Capabilities", version, "GetCapabilities")
            .WithServiceAttributes(version, language);
        root.Add(ServiceIdentification(config.Identification, version));
        root.Add(ServiceProvider(config.Provider));
        root.Add(OperationsMetadata(version, serviceUrl));
        if (version.IsV1)
        {
            var offerings = root.Child("wps:ProcessOfferings");
            foreach (var process in processes)
                offerings.Add(Process10(process));
            var languages = root.Child("wps:Languages");
            languages.Child("wps:Default").TextChild("ows:Language", config.Languages[0]);
            var supported = languages.Child("wps:Supported");
            foreach (var lang in config.Languages)
                supported.TextChild("ows:Language", lang);
        }
        else
        {
            var languages = root.Child("ows:Languages");
            foreach (var lang in config.Languages)
                languages.TextChild("ows:Language", lang);
            var contents = root.Child("wps:Contents");
            foreach (var process in processes)
                contents.Add(Summary20(process));
        }
        return root;
    }

    /// <remarks>ZOO writes ServiceType only after Keywords; the schemas require it, so it is always written.</remarks>
    private static ElementNode ServiceIdentification(ConfigValues identification, WpsVersion version)
    {
        var element = new ElementNode("ows:ServiceIdentification")
            .TextChildIfSet("ows:Title", identification["title"])
            .TextChildIfSet("ows:Abstract", identification["abstract"]);
        if (identification["keywords"] is { } keywords)
        {
            var list = element.Child("ows:Keywords");
            foreach (var keyword in MainConfig.SplitList(keywords))
                list.TextChild("ows:Keyword", keyword);
        }
        return element
            .TextChild("ows:ServiceType", "WPS")
            .TextChild("ows:ServiceTypeVersion", version.Number)
            .TextChildIfSet("ows:Fees", identification["fees"])
            .TextChildIfSet("ows:AccessConstraints", identification["accessConstraints"]);
    }

    private static ElementNode ServiceProvider(ConfigValues provider)
    {
        var element = new ElementNode("ows:ServiceProvider")
            .TextChildIfSet("ows:ProviderName", provider["providerName"]);
        if (provider["providerSite"] is { } site)
            element.Child("ows:ProviderSite").Attr("xlink:href", site);
        var contact = element.Child("ows:ServiceContact")
            .TextChildIfSet("ows:IndividualName", provider["individualName"])
            .TextChildIfSet("ows:PositionName", provider["positionName"]);
        var info = contact.Child("ows:ContactInfo");
        info.Child("ows:Phone")
            .TextChildIfSet("ows:Voice", provider["phoneVoice"])
            .TextChildIfSet("ows:Facsimile", provider["phoneFacsimile"]);
        info.Child("ows:Address")
            .TextChildIfSet("ows:DeliveryPoint", provider["addressDeliveryPoint"])
            .TextChildIfSet("ows:City", provider["addressCity"])
            .TextChildIfSet("ows:AdministrativeArea", provider["addressAdministrativeArea"])
            .TextChildIfSet("ows:PostalCode", provider["addressPostalCode"])
            .TextChildIfSet("ows:Country", provider["addressCountry"])
            .TextChildIfSet("ows:ElectronicMailAddress", provider["addressElectronicMailAddress"]);
        return element;
    }

    private static ElementNode OperationsMetadata(WpsVersion version, string serviceUrl)
    {
        var element = new ElementNode("ows:OperationsMetadata");
        foreach (var operation in version.Operations)
        {
            var http = element.Child("ows:Operation").Attr("name", operation).Child("ows:DCP").Child("ows:HTTP");
            // WPS 2.0.0 Execute is only offered over POST: ZOO refuses it over GET.
            if (version.IsV1 || operation != "Execute")
                http.Child("ows:Get").Attr("xlink:href", serviceUrl);
            http.Child("ows:Post").Attr("xlink:href", serviceUrl);
        }
        return element;
    }

    private static ElementNode Process10(ProcessOffering process)
    {
        var description = process.Description;
        return new ElementNode("wps:Process")
            .Attr("wps:processVersion", ProcessAttributes.Version10(description))
            .TextChild("ows:Identifier", process.Identifier)
            .TextChildIfSet("ows:Title", description.Title)
            .TextChildIfSet("ows:Abstract", description.Abstract)
            .Add(MetadataWriter.Elements(description.Metadata));
    }

    private static ElementNode Summary20(ProcessOffering process)
    {
        var description = process.Description;
        return new ElementNode("wps:ProcessSummary")
            .Attr("processVersion", ProcessAttributes.Version20(description))
            .Attr("jobControlOptions", ProcessAttributes.JobControlOptions(description))
            .Attr("outputTransmission", ProcessAttributes.OutputTransmission(description))
            .TextChildIfSet("ows:Title", description.Title)
            .TextChildIfSet("ows:Abstract", description.Abstract)
            .TextChild("ows:Identifier", process.Identifier)
            .Add(MetadataWriter.Elements(description.Metadata))
            .Add(AdditionalParametersWriter.Elements(description.AdditionalParameters));
    }
}
