<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../player/ui/home.py" line="49"/>
        <source>长辈剧场</source>
        <translation>SilverReel</translation>
    </message>
    <message>
        <location filename="../../player/ui/home.py" line="51"/>
        <source>按“确定”键开始看</source>
        <translation>Press OK to watch</translation>
    </message>
    <message>
        <location filename="../../player/ui/home.py" line="65"/>
        <source>还没有剧集。请家人在“家人设置”里添加。</source>
        <translation>No episodes yet. Ask your family to add some in Family settings.</translation>
    </message>
    <message>
        <location filename="../../player/ui/home.py" line="102"/>
        <source>继续观看  %1 · %2 · 已看 %3%</source>
        <translation>Continue  %1 · %2 · %3% watched</translation>
    </message>
    <message>
        <location filename="../../player/ui/home.py" line="105"/>
        <source>开始观看  %1 · %2</source>
        <translation>Start watching  %1 · %2</translation>
    </message>
    <message>
        <location filename="../../player/ui/home.py" line="111"/>
        <source>已看 %1/%2 集</source>
        <translation>Watched %1 of %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../player/ui/mainwindow.py" line="39"/>
        <source>长辈剧场</source>
        <translation>SilverReel</translation>
    </message>
    <message>
        <location filename="../../player/ui/mainwindow.py" line="131"/>
        <source>要退出长辈剧场吗？</source>
        <translation>Leave SilverReel?</translation>
    </message>
    <message>
        <location filename="../../player/ui/mainwindow.py" line="132"/>
        <source>不退出</source>
        <translation>Stay</translation>
    </message>
    <message>
        <location filename="../../player/ui/mainwindow.py" line="132"/>
        <source>退出</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../player/ui/mainwindow.py" line="193"/>
        <source>下一集：%1</source>
        <translation>Next: %1</translation>
    </message>
    <message>
        <location filename="../../player/ui/mainwindow.py" line="198"/>
        <source>这部剧已经看完了。</source>
        <translation>You have finished this series.</translation>
    </message>
    <message>
        <location filename="../../player/ui/mainwindow.py" line="228"/>
        <source>朗读字幕：开</source>
        <translation>Reading subtitles aloud: on</translation>
    </message>
    <message>
        <location filename="../../player/ui/mainwindow.py" line="228"/>
        <source>朗读字幕：关</source>
        <translation>Reading subtitles aloud: off</translation>
    </message>
    <message>
        <location filename="../../player/ui/mainwindow.py" line="233"/>
        <source>音量 %1</source>
        <translation>Volume %1</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../player/ui/strings.py" line="12"/>
        <source>找不到这一集的文件。</source>
        <translation>This episode's file cannot be found.</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="13"/>
        <source>这一集的文件是空的，无法播放。</source>
        <translation>This episode's file is empty and cannot be played.</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="14"/>
        <source>这一集的文件打不开，可能已损坏。</source>
        <translation>This episode cannot be opened; the file may be damaged.</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="17"/>
        <source>这一集的文件不完整，只能播放一部分。</source>
        <translation>This episode's file is incomplete; only part of it could be played.</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="20"/>
        <source>网络上的这一集打不开。</source>
        <translation>This episode could not be opened from the internet.</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="21"/>
        <source>这一集打开太慢，已停止。</source>
        <translation>This episode took too long to open, so it was stopped.</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="28"/>
        <source>设置文件已损坏，已恢复默认设置，原文件已备份。</source>
        <translation>The settings file was damaged. Default settings are in use; the old file was kept as a backup.</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="31"/>
        <source>设置文件读不出来，已使用默认设置。</source>
        <translation>The settings file could not be read. Default settings are in use.</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="34"/>
        <source>有的设置不正确，已改回默认值。</source>
        <translation>Some settings were not valid and are back to their defaults.</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="35"/>
        <source>设置文件里有不认识的项目，已忽略。</source>
        <translation>The settings file has items this version does not know; they were ignored.</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="36"/>
        <source>设置文件来自更新的版本，部分设置可能没有用上。</source>
        <translation>The settings file is from a newer version; some settings may not apply.</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="39"/>
        <source>设置没能保存，请检查磁盘空间。</source>
        <translation>Settings could not be saved. Please check the disk space.</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="42"/>
        <source>设置有问题，已使用默认设置。</source>
        <translation>There was a problem with the settings; defaults are in use.</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="47"/>
        <source>第 %1 集</source>
        <translation>Episode %1</translation>
    </message>
    <message>
        <location filename="../../player/ui/strings.py" line="52"/>
        <source>还剩 %1</source>
        <translation>%1 left</translation>
    </message>
</context>
<context>
    <name>PlayingScreen</name>
    <message>
        <location filename="../../player/ui/playing.py" line="39"/>
        <source>已暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../player/ui/playing.py" line="52"/>
        <location filename="../../player/ui/playing.py" line="95"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../player/ui/playing.py" line="53"/>
        <source>上一集</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../player/ui/playing.py" line="54"/>
        <source>下一集</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../player/ui/playing.py" line="55"/>
        <source>放大</source>
        <translation>Enlarge</translation>
    </message>
    <message>
        <location filename="../../player/ui/playing.py" line="56"/>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../player/ui/playing.py" line="57"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../player/ui/playing.py" line="95"/>
        <source>继续</source>
        <translation>Play</translation>
    </message>
</context>
<context>
    <name>SeriesScreen</name>
    <message>
        <location filename="../../player/ui/series.py" line="62"/>
        <source>从%1继续</source>
        <translation>Continue from %1</translation>
    </message>
    <message>
        <location filename="../../player/ui/series.py" line="62"/>
        <source>从%1开始</source>
        <translation>Start from %1</translation>
    </message>
    <message>
        <location filename="../../player/ui/series.py" line="73"/>
        <source>已看完</source>
        <translation>watched</translation>
    </message>
    <message>
        <location filename="../../player/ui/series.py" line="73"/>
        <source>未看</source>
        <translation>not watched</translation>
    </message>
</context>
<context>
    <name>VideoView</name>
    <message>
        <location filename="../../player/ui/video_view.py" line="26"/>
        <source>画面</source>
        <translation>Picture</translation>
    </message>
</context>
</TS>
