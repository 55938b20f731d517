using Zoo.Core.Geo;
using Zoo.Hpc.Sizing;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Sizing;

/// <summary>The size of a TIFF read from its header, on TIFFs written by GDAL in the layouts it writes.</summary>
[TestFixture]
public sealed class TiffHeaderTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void Directory() => _dir = new TempDirectory();

    [TearDown]
    public void Remove() => _dir.Dispose();

    [TestCase("", TestName = "A striped little-endian TIFF gives its width and height")]
    [TestCase("TILED=YES COMPRESS=DEFLATE", TestName = "A tiled compressed TIFF gives its width and height")]
    [TestCase("BIGTIFF=YES", TestName = "A BigTIFF gives its width and height")]
    [TestCase("ENDIANNESS=BIG", TestName = "A big-endian TIFF gives its width and height")]
    [TestCase("ENDIANNESS=BIG BIGTIFF=YES TILED=YES", TestName = "A big-endian tiled BigTIFF gives its width and height")]
    public void Sizes_as_gdal_wrote_them(string creationOptions)
    {
        var path = GdalFixtures.Raster(_dir.Path, "image.tif", 1234, 567, 3, creationOptions.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.That(TiffHeader.ReadSize(path), Is.EqualTo(((long)1234, (long)567)));
    }

    [Test]
    public void A_file_that_is_no_tiff_has_no_size_here()
    {
        var png = GdalFixtures.Png(_dir.Path, "image.png", 30, 20);

        Assert.That(TiffHeader.ReadSize(png), Is.Null);
    }

    [Test]
    public void A_truncated_tiff_has_no_size_here()
    {
        var path = GdalFixtures.Raster(_dir.Path, "image.tif", 300, 200, 1, "TILED=YES");
        var bytes = File.ReadAllBytes(path);
        // GDAL writes the first directory after the header or at the end; a file cut to its first 8 bytes has none.
        File.WriteAllBytes(path, bytes[..8]);

        Assert.That(TiffHeader.ReadSize(path), Is.Null);
    }

    [Test]
    public void A_tiff_whose_first_image_is_a_reduced_resolution_copy_is_left_to_gdal()
    {
        // Little-endian classic TIFF, one directory of three entries: NewSubfileType=1 (reduced resolution), 10 x 10.
        byte[] tiff =
        [
            (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0,
            3, 0,
            254, 0, 4, 0, 1, 0, 0, 0, 1, 0, 0, 0,
            0, 1, 3, 0, 1, 0, 0, 0, 10, 0, 0, 0,
            1, 1, 3, 0, 1, 0, 0, 0, 10, 0, 0, 0,
            0, 0, 0, 0,
        ];
        var path = _dir.PathOf("overview-first.tif");
        File.WriteAllBytes(path, tiff);

        Assert.That(TiffHeader.ReadSize(path), Is.Null);
    }

    [Test]
    public void A_missing_file_has_no_size_here()
    {
        Assert.That(TiffHeader.ReadSize(_dir.PathOf("absent.tif")), Is.Null);
    }

    [Test]
    public async Task A_tiff_is_sized_without_starting_gdal()
    {
        var started = _dir.PathOf("gdal-started");
        var tool = GdalFixtures.Script(_dir.Path, "gdalinfo", $"touch '{started}'\nexit 1");
        var sizer = new InputSizer(GdalTools.Default with { GdalInfo = tool, OgrInfo = tool });
        var path = GdalFixtures.Raster(_dir.Path, "image.tif", 300, 200, 1);

        var size = await sizer.MeasureAsync(path, "image/tiff");

        Assert.That((size, File.Exists(started)), Is.EqualTo((DatasetSize.Raster(60000), false)));
    }
}
