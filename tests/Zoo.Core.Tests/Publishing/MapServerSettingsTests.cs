using Zoo.Core.Publishing;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Publishing;

/// <summary>MapServerSettings.From: what main.cfg says about publication.</summary>
public class MapServerSettingsTests
{
    private const string MainCfg = """
        [main]
        tmpPath=/var/zoo/tmp
        tmpUrl=http://host/tmp/
        mapserverAddress=http://127.0.0.1/cgi-bin/mapserv
        dataPath=/var/zoo/data
        msOgcVersion=1.1.0
        msStylePoly=COLOR 1 2 3
        msStyleLine=WIDTH 2
        msStylePoint=SIZE 9

        [identification]
        title=My WPS
        abstract=
        keywords=WPS,GIS
        fees=None

        [provider]
        providerName=ACME
        individualName=Jane
        phoneVoice=+33 1
        addressElectronicMailAddress=jane@example.org

        [mapserver]
        PROJ_LIB=/usr/share/proj
        MS_ERRORFILE=stderr

        [ms_web_metadata]
        ows_title=Overridden
        wms_allow_getmap_without_styles=true
        """;

    private static MapServerSettings Settings(string text = MainCfg) => MapServerSettings.From(TestRequests.Config(text));

    [Test]
    public void The_address_and_dataPath_come_from_main()
    {
        var settings = Settings();

        Assert.That((settings.Address, settings.DataPath), Is.EqualTo(("http://127.0.0.1/cgi-bin/mapserv", "/var/zoo/data")));
    }

    [TestCase("[main]\n")]
    [TestCase("[main]\nmapserverAddress=\ndataPath=\n")]
    public void An_empty_or_missing_address_or_dataPath_is_none(string text)
    {
        var settings = Settings(text);

        Assert.That((settings.Address, settings.DataPath), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public void The_WFS_version_is_msOgcVersion()
    {
        Assert.That(Settings().WfsVersion, Is.EqualTo("1.1.0"));
    }

    [Test]
    public void The_WFS_version_defaults_to_1_0_0()
    {
        Assert.That(Settings("[main]\n").WfsVersion, Is.EqualTo("1.0.0"));
    }

    [Test]
    public void The_images_go_to_tmpPath_and_tmpUrl()
    {
        var settings = Settings();

        Assert.That((settings.ImagePath, settings.ImageUrl), Is.EqualTo(("/var/zoo/tmp", "http://host/tmp/")));
    }

    [Test]
    public void The_default_styles_are_msStylePoly_Line_and_Point()
    {
        var settings = Settings();

        Assert.That((settings.PolygonStyle, settings.LineStyle, settings.PointStyle), Is.EqualTo(("COLOR 1 2 3", "WIDTH 2", "SIZE 9")));
    }

    [Test]
    public void The_mapserver_section_is_the_config_options()
    {
        Assert.That(Settings().ConfigOptions, Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("PROJ_LIB", "/usr/share/proj"), new("MS_ERRORFILE", "stderr"),
        }));
    }

    [Test]
    public void The_web_metadata_are_the_identification_and_provider_as_ZOO_maps_them_then_ms_web_metadata()
    {
        Assert.That(Settings().WebMetadata, Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("ows_title", "My WPS"), new("ows_keywordlist", "WPS,GIS"), new("ows_fees", "None"),
            new("ows_attribution_title", "ACME"), new("ows_contactperson", "Jane"), new("ows_contactvoicetelephone", "+33 1"),
            new("ows_contactelectronicmailaddress", "jane@example.org"),
            new("ows_title", "Overridden"), new("wms_allow_getmap_without_styles", "true"),
        }));
    }
}
