using Zoo.Core.Configuration;

namespace Zoo.Core.Publishing;

/// <summary>
/// What main.cfg says about publishing through MapServer: where MapServer answers (<c>[main] mapserverAddress</c>)
/// and where the mapfiles and data go (<c>dataPath</c>), the WFS version used when an output does not say
/// (<c>msOgcVersion</c>), the default vector styles (<c>msStylePoly</c>, <c>msStyleLine</c>, <c>msStylePoint</c>), the
/// <c>[mapserver]</c> section (CONFIG options of every map) and the WEB metadata of every map: the service
/// identification and provider as ZOO maps them (<c>ows_title</c>, <c>ows_contactperson</c>...), then
/// <c>[ms_web_metadata]</c> as written.
/// </summary>
public sealed record MapServerSettings(
    string? Address,
    string? DataPath,
    string WfsVersion,
    string? ImagePath,
    string? ImageUrl,
    string? PolygonStyle,
    string? LineStyle,
    string? PointStyle,
    IReadOnlyList<KeyValuePair<string, string>> ConfigOptions,
    IReadOnlyList<KeyValuePair<string, string>> WebMetadata)
{
    // ZOO's getCorrespondance: main.cfg's identification and provider keys, as OWS metadata.
    private static readonly (string Key, string Metadata)[] OwsNames =
    [
        ("title", "ows_title"), ("abstract", "ows_abstract"), ("keywords", "ows_keywordlist"), ("fees", "ows_fees"),
        ("accessConstraints", "ows_accessconstraints"), ("providerName", "ows_attribution_title"),
        ("providerSite", "ows_service_onlineresource"), ("individualName", "ows_contactperson"),
        ("positionName", "ows_contactposition"), ("role", "ows_role"), ("addressType", "ows_addresstype"),
        ("addressCity", "ows_city"), ("addressDeliveryPoint", "ows_address"), ("addressPostalCode", "ows_postcode"),
        ("addressAdministrativeArea", "ows_stateorprovince"), ("addressCountry", "ows_country"),
        ("phoneVoice", "ows_contactvoicetelephone"), ("phoneFacsimile", "ows_contactfacsimiletelephone"),
        ("addressElectronicMailAddress", "ows_contactelectronicmailaddress"), ("hoursOfService", "ows_hoursofservice"),
        ("contactInstructions", "ows_contactinstructions"),
    ];

    public static MapServerSettings From(MainConfig config)
    {
        var main = config.Main;
        var metadata = new List<KeyValuePair<string, string>>();
        foreach (var section in new[] { config.Identification, config.Provider })
        {
            foreach (var (key, name) in OwsNames)
            {
                if (section[key] is { Length: > 0 } value)
                    metadata.Add(new(name, value));
            }
        }
        metadata.AddRange(config.Document["ms_web_metadata"]);
        return new MapServerSettings(
            Address: main["mapserverAddress"] is { Length: > 0 } address ? address : null,
            DataPath: main["dataPath"] is { Length: > 0 } dataPath ? dataPath : null,
            WfsVersion: main.Get("msOgcVersion", "1.0.0"),
            ImagePath: config.TmpPath,
            ImageUrl: config.TmpUrl,
            PolygonStyle: main["msStylePoly"],
            LineStyle: main["msStyleLine"],
            PointStyle: main["msStylePoint"],
            ConfigOptions: config.Document["mapserver"],
            WebMetadata: metadata);
    }
}
