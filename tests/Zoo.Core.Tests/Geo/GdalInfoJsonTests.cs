using Zoo.Core.Geo;

namespace Zoo.Core.Tests.Geo;

/// <summary>GdalInfoJson on what gdalinfo -json -nomd -norat -noct -nofl (GDAL 3.6.2) printed for small files (its "stac" member left out).</summary>
public class GdalInfoJsonTests
{
    /// <summary>A 30x20 GeoTIFF of three UInt16 bands in EPSG:32631, corners (500000 4650000) and (503000 4648000), made by gdal_create.</summary>
    private const string Utm = """
        {
          "description":"utm.tif",
          "driverShortName":"GTiff",
          "driverLongName":"GeoTIFF",
          "size":[
            30,
            20
          ],
          "coordinateSystem":{
            "wkt":"PROJCRS[\"WGS 84 / UTM zone 31N\",\n    BASEGEOGCRS[\"WGS 84\",\n        DATUM[\"World Geodetic System 1984\",\n            ELLIPSOID[\"WGS 84\",6378137,298.257223563,\n                LENGTHUNIT[\"metre\",1]]],\n        PRIMEM[\"Greenwich\",0,\n            ANGLEUNIT[\"degree\",0.0174532925199433]],\n        ID[\"EPSG\",4326]],\n    CONVERSION[\"UTM zone 31N\",\n        METHOD[\"Transverse Mercator\",\n            ID[\"EPSG\",9807]],\n        PARAMETER[\"Latitude of natural origin\",0,\n            ANGLEUNIT[\"degree\",0.0174532925199433],\n            ID[\"EPSG\",8801]],\n        PARAMETER[\"Longitude of natural origin\",3,\n            ANGLEUNIT[\"degree\",0.0174532925199433],\n            ID[\"EPSG\",8802]],\n        PARAMETER[\"Scale factor at natural origin\",0.9996,\n            SCALEUNIT[\"unity\",1],\n            ID[\"EPSG\",8805]],\n        PARAMETER[\"False easting\",500000,\n            LENGTHUNIT[\"metre\",1],\n            ID[\"EPSG\",8806]],\n        PARAMETER[\"False northing\",0,\n            LENGTHUNIT[\"metre\",1],\n            ID[\"EPSG\",8807]]],\n    CS[Cartesian,2],\n        AXIS[\"(E)\",east,\n            ORDER[1],\n            LENGTHUNIT[\"metre\",1]],\n        AXIS[\"(N)\",north,\n            ORDER[2],\n            LENGTHUNIT[\"metre\",1]],\n    USAGE[\n        SCOPE[\"Engineering survey, topographic mapping.\"],\n        AREA[\"Between 0°E and 6°E, northern hemisphere between equator and 84°N, onshore and offshore. Algeria. Andorra. Belgium. Benin. Burkina Faso. Denmark - North Sea. France. Germany - North Sea. Ghana. Luxembourg. Mali. Netherlands. Niger. Nigeria. Norway. Spain. Togo. United Kingdom (UK) - North Sea.\"],\n        BBOX[0,0,84,6]],\n    ID[\"EPSG\",32631]]",
            "dataAxisToSRSAxisMapping":[
              1,
              2
            ]
          },
          "geoTransform":[
            500000.0,
            100.0,
            0.0,
            4650000.0,
            0.0,
            -100.0
          ],
          "cornerCoordinates":{
            "upperLeft":[
              500000.0,
              4650000.0
            ],
            "lowerLeft":[
              500000.0,
              4648000.0
            ],
            "lowerRight":[
              503000.0,
              4648000.0
            ],
            "upperRight":[
              503000.0,
              4650000.0
            ],
            "center":[
              501500.0,
              4649000.0
            ]
          },
          "wgs84Extent":{
            "type":"Polygon",
            "coordinates":[
              [
                [
                  3.0,
                  42.0020155
                ],
                [
                  3.0,
                  41.9840021
                ],
                [
                  3.0362151,
                  41.9839964
                ],
                [
                  3.0362253,
                  42.0020098
                ],
                [
                  3.0,
                  42.0020155
                ]
              ]
            ]
          },
          "bands":[
            {
              "band":1,
              "block":[
                30,
                20
              ],
              "type":"UInt16",
              "colorInterpretation":"Gray"
            },
            {
              "band":2,
              "block":[
                30,
                20
              ],
              "type":"UInt16",
              "colorInterpretation":"Undefined"
            },
            {
              "band":3,
              "block":[
                30,
                20
              ],
              "type":"UInt16",
              "colorInterpretation":"Undefined"
            }
          ]
        }
        """;

    /// <summary>A 4x3 VRT with a rotated geotransform (1000, 10, 2, 2000, 3, -10), no CRS, an Int16 and a Float64 band.</summary>
    private const string Rotated = """
        {
          "description":"rot.vrt",
          "driverShortName":"VRT",
          "driverLongName":"Virtual Raster",
          "size":[
            4,
            3
          ],
          "geoTransform":[
            1000.0,
            10.0,
            2.0,
            2000.0,
            3.0,
            -10.0
          ],
          "cornerCoordinates":{
            "upperLeft":[
              1000.0,
              2000.0
            ],
            "lowerLeft":[
              1006.0,
              1970.0
            ],
            "lowerRight":[
              1046.0,
              1982.0
            ],
            "upperRight":[
              1040.0,
              2012.0
            ],
            "center":[
              1023.0,
              1991.0
            ]
          },
          "extent":{
            "type":"Polygon",
            "coordinates":[
              [
              ]
            ]
          },
          "bands":[
            {
              "band":1,
              "block":[
                4,
                3
              ],
              "type":"Int16",
              "colorInterpretation":"Undefined",
              "min":0.0,
              "max":0.0
            },
            {
              "band":2,
              "block":[
                4,
                3
              ],
              "type":"Float64",
              "colorInterpretation":"Undefined",
              "min":0.0,
              "max":0.0
            }
          ]
        }
        """;

    private static RasterInfo Read(string json) => GdalInfoJson.Parse(json);

    [Test]
    public void The_size_is_width_then_height()
    {
        var raster = Read(Utm);

        Assert.That((raster.Width, raster.Height), Is.EqualTo((30L, 20L)));
    }

    [Test]
    public void Each_band_has_its_GDAL_type()
    {
        Assert.That(Read(Utm).BandTypes, Is.EqualTo(new[] { "UInt16", "UInt16", "UInt16" }));
    }

    [Test]
    public void Bands_of_different_types_keep_their_order()
    {
        Assert.That(Read(Rotated).BandTypes, Is.EqualTo(new[] { "Int16", "Float64" }));
    }

    [Test]
    public void A_north_up_geotransform_gives_the_extent()
    {
        Assert.That(Read(Utm).Extent, Is.EqualTo(new Extent(500000, 4648000, 503000, 4650000)));
    }

    [Test]
    public void A_rotated_geotransform_gives_no_extent()
    {
        Assert.That(Read(Rotated).Extent, Is.Null);
    }

    [Test]
    public void A_south_up_geotransform_gives_the_extent_minimum_first()
    {
        var raster = Read("""{"size":[10,5],"geoTransform":[100.0,2.0,0.0,50.0,0.0,4.0],"bands":[{"band":1,"type":"Byte"}]}""");

        Assert.That(raster.Extent, Is.EqualTo(new Extent(100, 50, 120, 70)));
    }

    [Test]
    public void Without_a_geotransform_there_is_no_extent()
    {
        Assert.That(Read("""{"size":[10,5],"bands":[{"band":1,"type":"Byte"}]}""").Extent, Is.Null);
    }

    [Test]
    public void A_geotransform_with_a_zero_pixel_size_gives_no_extent()
    {
        Assert.That(Read("""{"size":[10,5],"geoTransform":[100.0,0.0,0.0,50.0,0.0,-1.0],"bands":[]}""").Extent, Is.Null);
    }

    [Test]
    public void The_CRS_is_read_from_the_coordinate_systems_WKT()
    {
        var crs = Read(Utm).Crs!;

        Assert.That((crs.Code, crs.IsGeographic), Is.EqualTo(("EPSG:32631", false)));
    }

    [Test]
    public void A_raster_without_coordinate_system_has_no_CRS()
    {
        Assert.That(Read(Rotated).Crs, Is.Null);
    }

    [Test]
    public void The_wgs84Extent_polygon_gives_the_longitude_latitude_box_around_it()
    {
        Assert.That(Read(Utm).Wgs84Extent, Is.EqualTo(new Extent(3.0, 41.9839964, 3.0362253, 42.0020155)));
    }

    [Test]
    public void A_raster_without_wgs84Extent_has_no_longitude_latitude_box()
    {
        Assert.That(Read(Rotated).Wgs84Extent, Is.Null);
    }

    [Test]
    public void A_band_without_a_type_is_Unknown()
    {
        Assert.That(Read("""{"size":[1,1],"bands":[{"band":1},{"band":2,"type":"Byte"}]}""").BandTypes, Is.EqualTo(new[] { "Unknown", "Byte" }));
    }

    [Test]
    public void The_pixels_are_width_times_height_whatever_the_bands()
    {
        Assert.That(Read(Utm).Pixels, Is.EqualTo(600));
    }

    [Test]
    public void A_raster_without_bands_has_no_pixels()
    {
        Assert.That(Read("""{"size":[512,512],"bands":[]}""").Pixels, Is.Zero);
    }

    [TestCase("")]
    [TestCase("{")]
    [TestCase("gdalinfo failed - unable to open 'x'.")]
    [TestCase("[30,20]")]
    [TestCase("""{"description":"x.tif"}""")]
    [TestCase("""{"size":[30]}""")]
    [TestCase("""{"size":[-1,20]}""")]
    public void An_answer_that_is_not_gdalinfos_JSON_with_a_size_is_a_GeoDataException(string text)
    {
        Assert.That(() => Read(text), Throws.TypeOf<GeoDataException>()
            .With.Message.EqualTo("gdalinfo succeeded but its answer is not gdalinfo's JSON with a size."));
    }

    [Test]
    public void A_size_written_as_strings_is_a_GeoDataException()
    {
        // Any answer that is not gdalinfo's JSON is the documented GeoDataException, which the reader and the publisher
        // turn into an ExceptionReport; another exception escapes both.
        Assert.That(() => Read("""{"size":["30","20"],"bands":[{"band":1,"type":"Byte"}]}"""), Throws.TypeOf<GeoDataException>()
            .With.Message.EqualTo("gdalinfo succeeded but its answer is not gdalinfo's JSON with a size."));
    }

    [Test]
    public void A_geotransform_beyond_the_range_of_a_double_gives_no_extent()
    {
        Assert.That(Read("""{"size":[2,2],"geoTransform":[1e400,1.0,0.0,0.0,0.0,-1.0],"bands":[{"band":1,"type":"Byte"}]}""").Extent, Is.Null);
    }
}
