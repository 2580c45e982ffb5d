<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>DirectOpen</name>
        <message>
            <location filename="../../player/open_directly.py" line="1" />
            <source>连不上“%1”，请检查网络后再试。</source>
            <translation>Cannot reach “%1”. Please check the network and try again.</translation>
        </message>
        <message>
            <location filename="../../player/open_directly.py" line="1" />
            <source>找不到“%1”。请检查 U 盘是否插好。</source>
            <translation>“%1” cannot be found. Please check that the USB stick is plugged in.</translation>
        </message>
        <message>
            <location filename="../../player/open_directly.py" line="1" />
            <source>“%1”打不开：没有读取的权限。</source>
            <translation>“%1” cannot be opened: no permission to read it.</translation>
        </message>
        <message>
            <location filename="../../player/open_directly.py" line="1" />
            <source>“%1”里没有能播放的视频。</source>
            <translation>There is no playable video in “%1”.</translation>
        </message>
        <message>
            <location filename="../../player/open_directly.py" line="1" />
            <source>“%1”不是能播放的视频或片单。</source>
            <translation>“%1” is not a playable video or playlist.</translation>
        </message>
    </context>
    <context>
        <name>FamilyController</name>
        <message>
            <location filename="../../player/ui/family/controller.py" line="98" />
            <source>第一次进入家人设置。</source>
            <translation>First visit to Family settings. </translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="115" />
            <source>新密码已经保存。</source>
            <translation>The new PIN is saved.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="160" />
            <source>U 盘：%1</source>
            <translation>USB stick: %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="161" />
            <source>文件夹：%1</source>
            <translation>Folder: %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="168" />
            <source>没有找到新的 U 盘或视频文件夹。请插上 U 盘再试。</source>
            <translation>No new USB stick or video folder found. Plug in a USB stick and try again.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="176" />
            <source>已添加剧集来源。</source>
            <translation>Episode source added.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="178" />
            <source>添加剧集来源</source>
            <translation>Add an episode source</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="178" />
            <source>选一个放着剧集的 U 盘或文件夹。</source>
            <translation>Choose the USB stick or folder that holds the episodes.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="187" />
            <source>要删除这个剧集来源吗？</source>
            <translation>Remove this episode source?</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="188" />
            <source>不删除</source>
            <translation>Keep it</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="188" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="195" />
            <source>设置已导出到：%1</source>
            <translation>Settings exported to: %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="204" />
            <source>没有找到设置文件。请把导出的 .json 文件放到 U 盘或个人文件夹里再试。</source>
            <translation>No settings file found. Put the exported .json file on a USB stick or in the home folder and try again.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="208" />
            <source>导入设置</source>
            <translation>Import settings</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="209" />
            <source>选一个设置文件。文件里不对的设置不会导入，其余的马上生效。</source>
            <translation>Choose a settings file. Wrong values in it are left out; the rest take effect at once.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="216" />
            <source>已导入 %1 项设置。</source>
            <translation>%1 settings imported.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="218" />
            <source>没有导入任何设置。</source>
            <translation>No settings were imported.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="220" />
            <source>导入结果</source>
            <translation>Import result</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="220" />
            <source>好的</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="269" />
            <source>设置好了。以后可以在主页最下面的“家人设置”里修改。</source>
            <translation>All set. Change things later in Family settings, at the bottom of Home.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="1" />
            <source>家里网络上的媒体服务器（NAS）</source>
            <translation>A media server on the home network (NAS)</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="1" />
            <source>正在查找家里网络上的媒体服务器，请稍等……</source>
            <translation>Looking for media servers on the home network, please wait…</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="1" />
            <source>没有找到新的媒体服务器。请确认 NAS 已经开机，并和电视连在同一个网络上。</source>
            <translation>No new media server was found. Please check that the NAS is switched on and on the same network as the TV.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="1" />
            <source>选择媒体服务器</source>
            <translation>Choose a media server</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="1" />
            <source>它的每个文件夹会成为一部剧。</source>
            <translation>Each of its folders becomes a series.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="1" />
            <source>媒体服务器：%1</source>
            <translation>Media server: %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="1" />
            <source>要忘记这部手机吗？它下次投屏时会再询问。</source>
            <translation>Forget this phone? It will be asked about again the next time it casts.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="1" />
            <source>不忘记</source>
            <translation>Keep</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="1" />
            <source>忘记</source>
            <translation>Forget</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="1" />
            <source>先看示范剧。家人随时可以在主页最下面的“家人设置”里设置。</source>
            <translation>Watch the demo first. Family can set things up any time in Family settings, at the bottom of Home.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/controller.py" line="1" />
            <source>先看示范剧。剧集可以以后在主页最下面的“家人设置”里添加。</source>
            <translation>Watch the demo first. Series can be added later in Family settings, at the bottom of Home.</translation>
        </message>
    </context>
    <context>
        <name>FamilySettingsScreen</name>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="51" />
            <source>家人设置</source>
            <translation>Family settings</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="53" />
            <source>上下键选项目，左右键或“确定”键修改，改了马上生效。</source>
            <translation>Up and Down choose, Left, Right or OK change; changes take effect at once.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="98" />
            <source>一键套用</source>
            <translation>Ready-made settings</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="142" />
            <source>删除：%1</source>
            <translation>Remove: %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="143" />
            <source>删除这个来源：%1</source>
            <translation>Remove this source: %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="147" />
            <source>＋ 添加来源（文件夹或 U 盘）</source>
            <translation>+ Add a source (folder or USB stick)</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="163" />
            <source>设置文件和密码</source>
            <translation>Settings file and PIN</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="164" />
            <source>导出设置</source>
            <translation>Export settings</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="166" />
            <source>导入设置</source>
            <translation>Import settings</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="168" />
            <source>修改密码</source>
            <translation>Change PIN</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="230" />
            <source>这一项只能在设置文件里修改。</source>
            <translation>This one can only be changed in the settings file.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="239" />
            <source>这个值用不了，设置没有改。</source>
            <translation>That value cannot be used; nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="247" />
            <source>这组设置用不了，设置没有改。</source>
            <translation>These settings cannot be used; nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="249" />
            <source>已套用“%1”。还可以在下面逐项调整。</source>
            <translation>"%1" applied. Adjust single items below.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="1" />
            <source>忘记：%1</source>
            <translation>Forget: %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="1" />
            <source>忘记这部手机：%1</source>
            <translation>Forget this phone: %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="1" />
            <source>手机第一次投屏时会先询问；在下面选中一部手机可以忘记它。</source>
            <translation>A phone is asked about the first time it casts; choose a phone below to forget it.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="1" />
            <source>问题：下面 %1 个没有放进片库</source>
            <translation>Problems: these %1 were not added to the library</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/settings_screen.py" line="1" />
            <source>…还有 %1 个</source>
            <translation>…and %1 more</translation>
        </message>
    </context>
    <context>
        <name>FamilyTexts</name>
        <message>
            <location filename="../../player/ui/family/texts.py" line="41" />
            <source>界面</source>
            <translation>Interface</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="42" />
            <source>字幕</source>
            <translation>Subtitles</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="43" />
            <source>朗读</source>
            <translation>Reading aloud</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="44" />
            <source>播放</source>
            <translation>Playback</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="45" />
            <source>声音</source>
            <translation>Sound</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="46" />
            <source>剪辑节奏</source>
            <translation>Editing pace</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="47" />
            <source>休息</source>
            <translation>Rest</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="48" />
            <source>剧集来源</source>
            <translation>Episode sources</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="49" />
            <source>家人</source>
            <translation>Family</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="58" />
            <source>开</source>
            <translation>On</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="58" />
            <source>关</source>
            <translation>Off</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="71" />
            <source>%1 个</source>
            <translation>%1 entries</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="1" />
            <source>手机投屏</source>
            <translation>Casting from phones</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="47" />
            <source>画面</source>
            <translation>Picture</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="1" />
            <source>遥控器</source>
            <translation>Remote control</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="1" />
            <source>字/秒</source>
            <translation>characters a second</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="1" />
            <source>次/分</source>
            <translation>cuts a minute</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="1" />
            <source>秒</source>
            <translation>seconds</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="1" />
            <source>毫秒</source>
            <translation>milliseconds</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/texts.py" line="1" />
            <source>分钟</source>
            <translation>minutes</translation>
        </message>
    </context>
    <context>
        <name>FirstRunScreen</name>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="70" />
            <source>欢迎使用长辈剧场</source>
            <translation>Welcome to SilverReel</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="71" />
            <source>家人花一分钟做个设置，以后就不用再管了。也可以先直接看示范剧。</source>
            <translation>A minute of setup by the family, and nothing more to do later. Or watch the demo series straight away.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="72" />
            <source>开始设置</source>
            <translation>Set up now</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="73" />
            <source>直接看示范剧</source>
            <translation>Watch the demo</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="79" />
            <source>长辈哪方面要多照顾？选一项，以后还可以在家人设置里调整。</source>
            <translation>What needs extra care? Choose one; adjust it later in Family settings.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="80" />
            <source>选一组合适的设置</source>
            <translation>Choose suitable settings</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="89" />
            <source>剧集放在哪里？选一个，以后还可以在家人设置里添加更多。</source>
            <translation>Where are the episodes? Choose one; add more later in Family settings.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="91" />
            <source>没有找到 U 盘或视频文件夹。插上 U 盘后选“重新查找”，也可以先看示范剧。</source>
            <translation>No USB stick or video folder found. Plug in a USB stick and choose "Look again", or watch the demo first.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="93" />
            <source>重新查找</source>
            <translation>Look again</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="94" />
            <source>先看示范剧</source>
            <translation>Watch the demo first</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="95" />
            <source>剧集从哪里来</source>
            <translation>Where episodes come from</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="103" />
            <source>按返回键回到上一步。</source>
            <translation> Back goes one step back.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="104" />
            <source>按返回键跳过设置。</source>
            <translation> Back skips the setup.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="105" />
            <source>用方向键选，按“确定”键。</source>
            <translation>Choose with the arrows, then press OK.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/first_run.py" line="152" />
            <source>第 %1 步，共 %2 步</source>
            <translation>Step %1 of %2</translation>
        </message>
    </context>
    <context>
        <name>HomeScreen</name>
        <message>
            <location filename="../../player/ui/home.py" line="50" />
            <source>长辈剧场</source>
            <translation>SilverReel</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="52" />
            <source>按“确定”键开始看</source>
            <translation>Press OK to watch</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="66" />
            <source>还没有剧集。请家人在“家人设置”里添加。</source>
            <translation>No episodes yet. Ask your family to add some in Family settings.</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="110" />
            <source>继续观看  %1 · %2 · 已看 %3%</source>
            <translation>Continue  %1 · %2 · %3% watched</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="113" />
            <source>开始观看  %1 · %2</source>
            <translation>Start watching  %1 · %2</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="119" />
            <source>已看 %1/%2 集</source>
            <translation>Seen %1/%2</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="218" />
            <source>投屏 已看%1%</source>
            <translation>Cast · %1% watched</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="71" />
            <source>家人设置</source>
            <translation>Family settings</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="1" />
            <source>继续观看</source>
            <translation>Continue watching</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="1" />
            <source>全部剧集</source>
            <translation>All series</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="1" />
            <source>%1 · %2 部</source>
            <translation>%1 · %2 series</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="1" />
            <source>《%1》已看完 · 接着看《%2》</source>
            <translation>“%1” finished · Watch “%2” next</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="1" />
            <source>《%1》已看完 · 从头再看</source>
            <translation>“%1” finished · Watch again from the start</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="1" />
            <source>（%1打不开）</source>
            <translation> (%1 cannot be played)</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="1" />
            <source>往下还有：%1</source>
            <translation>Further down: %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="1" />
            <source> 等 %1 排</source>
            <translation> (%1 rows in all)</translation>
        </message>
        <message>
            <location filename="../../player/ui/home.py" line="1" />
            <source>、</source>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <location filename="../../player/i18n.py" line="47" />
            <source>zh</source>
            <translation>en</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="55" />
            <source>长辈剧场</source>
            <translation>SilverReel</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="238" />
            <source>要退出长辈剧场吗？</source>
            <translation>Leave SilverReel?</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="238" />
            <source>不退出</source>
            <translation>Stay</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="238" />
            <source>退出</source>
            <translation>Leave</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="322" />
            <source>这一集的字幕文件读不出来。</source>
            <translation>This episode's subtitle file cannot be read.</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="334" />
            <source>下一集：%1</source>
            <translation>Next: %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="339" />
            <source>这部剧已经看完了。</source>
            <translation>You have finished this series.</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="345" />
            <source>网络不好，正在重新连接…</source>
            <translation>The connection is poor. Reconnecting…</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="351" />
            <source>已重新连上，接着播放。</source>
            <translation>Reconnected. Carrying on.</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="380" />
            <source>朗读字幕：开</source>
            <translation>Reading subtitles aloud: on</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="380" />
            <source>朗读字幕：关</source>
            <translation>Reading subtitles aloud: off</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="385" />
            <source>音量 %1</source>
            <translation>Volume %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="389" />
            <source>界面语言将在下次打开时更换。</source>
            <translation>The new language applies the next time SilverReel starts.</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="1" />
            <source>正在播放：%1</source>
            <translation>Now playing: %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="1" />
            <source>%1打不开，接着播放%2。</source>
            <translation>%1 cannot be played. Playing %2 instead.</translation>
        </message>
        <message>
            <location filename="../../player/ui/mainwindow.py" line="1" />
            <source>、</source>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../player/ui/strings.py" line="12" />
            <source>找不到这一集的文件。</source>
            <translation>This episode's file cannot be found.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="13" />
            <source>这一集的文件是空的，无法播放。</source>
            <translation>This episode's file is empty and cannot be played.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="14" />
            <source>这一集的文件打不开，可能已损坏。</source>
            <translation>This episode cannot be opened; the file may be damaged.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="17" />
            <source>这一集的文件不完整，只能播放一部分。</source>
            <translation>This episode's file is incomplete; only part of it could be played.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="20" />
            <source>网络上的这一集打不开。</source>
            <translation>This episode could not be opened from the internet.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="21" />
            <source>这一集打开太慢，已停止。</source>
            <translation>This episode took too long to open, so it was stopped.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="28" />
            <source>设置文件已损坏，已恢复默认设置，原文件已备份。</source>
            <translation>The settings file was damaged. Default settings are in use; the old file was kept as a backup.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="31" />
            <source>设置文件读不出来，已使用默认设置。</source>
            <translation>The settings file could not be read. Default settings are in use.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="34" />
            <source>有的设置不正确，已改回默认值。</source>
            <translation>Some settings were not valid and are back to their defaults.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="35" />
            <source>设置文件里有不认识的项目，已忽略。</source>
            <translation>The settings file has items this version does not know; they were ignored.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="36" />
            <source>设置文件来自更新的版本，部分设置可能没有用上。</source>
            <translation>The settings file is from a newer version; some settings may not apply.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="39" />
            <source>设置没能保存，请检查磁盘空间。</source>
            <translation>Settings could not be saved. Please check the disk space.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="42" />
            <source>设置有问题，已使用默认设置。</source>
            <translation>There was a problem with the settings; defaults are in use.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="56" />
            <source>网上的片单指向了本机文件，已拒绝打开这些文件。</source>
            <translation>A playlist from the internet pointed at files on this computer; they were not opened.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="59" />
            <source>网上的片单指向了家里的设备，已拒绝打开；其余剧集可以正常看。</source>
            <translation>A playlist from the internet pointed at devices in this home; they were not opened. The other episodes play as usual.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="62" />
            <source>有的片单剧集太多，只列出了前面的部分；其余剧集可以正常看。</source>
            <translation>Some playlists hold too many episodes; only the first part is listed. The other episodes play as usual.</translation>
        </message>
        <message>
            <location filename="../../player/degraded.py" line="56" />
            <source>设置文件夹不能写入：设置和观看进度只记到关机为止。</source>
            <translation>The settings folder cannot be written: settings and watching progress are kept only until the computer is switched off.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="59" />
            <source>有的网上片源连不上，请检查网络；其余剧集可以正常看。</source>
            <translation>Some internet sources cannot be reached. Please check the network; the other episodes play as usual.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="62" />
            <source>有 %1 个文件或片源打不开，已跳过；其余剧集可以正常看。</source>
            <translation>%1 files or sources could not be opened and were skipped; the other episodes play as usual.</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="68" />
            <source>第 %1 集</source>
            <translation>Episode %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="73" />
            <source>还剩 %1</source>
            <translation>%1 left</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>找不到</source>
            <translation>not found</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>读不出来</source>
            <translation>cannot be read</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>里面没有能播放的剧集</source>
            <translation>has no episodes that can be played</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>文件是空的（0 字节），可能没复制完</source>
            <translation>the file is empty (0 bytes); maybe it was not fully copied</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>不是能播放的文件类型</source>
            <translation>not a kind of file that can be played</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>文件太大，没有读</source>
            <translation>the file is too large and was not read</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>有一行看不懂，已跳过</source>
            <translation>one line could not be understood and was skipped</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>格式不对</source>
            <translation>wrong format</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>有一集的格式不对</source>
            <translation>one episode has the wrong format</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>是更新的版本写的</source>
            <translation>written by a newer version</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>网上的片单指向本机文件，已拒绝</source>
            <translation>an online playlist points to files on this computer; refused</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>连接超时</source>
            <translation>the connection timed out</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>连不上</source>
            <translation>cannot connect</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>服务器回答出错</source>
            <translation>the server answered with an error</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>打不开</source>
            <translation>cannot be opened</translation>
        </message>
        <message>
            <location filename="../../player/ui/strings.py" line="1" />
            <source>%1：%2</source>
            <translation>%1: %2</translation>
        </message>
    </context>
    <context>
        <name>NumberPad</name>
        <message>
            <location filename="../../player/ui/family/numberpad.py" line="31" />
            <source>删除</source>
            <translation>Del</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/numberpad.py" line="31" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/numberpad.py" line="80" />
            <source>已输入 %1 位</source>
            <translation>%1 digits typed</translation>
        </message>
    </context>
    <context>
        <name>Pacing</name>
        <message>
            <location filename="../../player/pacing.py" line="133" />
            <source>平缓</source>
            <translation>calm</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="134" />
            <source>适中</source>
            <translation>moderate</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="135" />
            <source>较快</source>
            <translation>fast</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="136" />
            <source>很快</source>
            <translation>very fast</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="212" />
            <source>第 %1 集画面切换太快，已跳过。</source>
            <translation>Episode %1 cuts too fast and was skipped.</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="226" />
            <source>这一集画面切换%1。</source>
            <translation>This episode cuts %1.</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="238" />
            <source>继续看</source>
            <translation>Watch it</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="238" />
            <source>换一集</source>
            <translation>Another episode</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="292" />
            <source>前面画面切换很快，请放松观看</source>
            <translation>Fast cutting ahead — relax and take it easy</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="255" />
            <source>%1。</source>
            <translation> The picture is calmed: %1.</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="1" />
            <source>下一集（第 %1 集）画面切换%2。</source>
            <translation>The next episode (Episode %1) cuts %2.</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="1" />
            <source>第 %1 集画面切换%2。</source>
            <translation>Episode %1 cuts %2.</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="1" />
            <source>换到第 %1 集</source>
            <translation>Go to Episode %1</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="1" />
            <source>回到剧集页</source>
            <translation>Back to the episode list</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="1" />
            <source>%1 秒后没有选择，就接着播放。</source>
            <translation>If nothing is chosen within %1 seconds, it plays on.</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="1" />
            <source>%1 秒后没有选择，就换一集。</source>
            <translation>If nothing is chosen within %1 seconds, another episode plays.</translation>
        </message>
        <message>
            <location filename="../../player/pacing.py" line="1" />
            <source>%1 秒后没有选择，就回到剧集页。</source>
            <translation>If nothing is chosen within %1 seconds, it goes back to the episode list.</translation>
        </message>
    </context>
    <context>
        <name>PinScreen</name>
        <message>
            <location filename="../../player/ui/family/pin_screen.py" line="36" />
            <source>家人设置</source>
            <translation>Family settings</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/pin_screen.py" line="43" />
            <source>用方向键选数字，按“确定”键输入；按返回键离开。</source>
            <translation>Choose digits with the arrows and press OK; Back leaves.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/pin_screen.py" line="49" />
            <source>跳过，以后再设</source>
            <translation>Skip, set it later</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/pin_screen.py" line="84" />
            <source>请输入家人设置的密码。</source>
            <translation>Type the Family settings PIN.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/pin_screen.py" line="86" />
            <location filename="../../player/ui/family/pin_screen.py" line="154" />
            <source>请设一个 4 到 6 位数字的密码，以后进家人设置要用它。</source>
            <translation>Choose a PIN of 4 to 6 digits; it opens Family settings from now on.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/pin_screen.py" line="122" />
            <source>密码是 4 到 6 位数字，请再输入。</source>
            <translation>A PIN has 4 to 6 digits. Please type it again.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/pin_screen.py" line="136" />
            <location filename="../../player/ui/family/pin_screen.py" line="164" />
            <source>密码不对。</source>
            <translation>Wrong PIN. </translation>
        </message>
        <message>
            <location filename="../../player/ui/family/pin_screen.py" line="139" />
            <source>密码不对，请再试一次。</source>
            <translation>Wrong PIN, please try again.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/pin_screen.py" line="144" />
            <source>请再输入一次同样的密码。</source>
            <translation>Type the same PIN once more.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/pin_screen.py" line="155" />
            <source>两次输入的不一样，请重新设。</source>
            <translation>The two PINs were different. Please choose again.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/pin_screen.py" line="159" />
            <source>请等 %1 秒再试。</source>
            <translation>Please wait %1 seconds, then try again.</translation>
        </message>
        <message>
            <location filename="../../player/ui/family/pin_screen.py" line="169" />
            <source>现在可以再试了。</source>
            <translation>You can try again now.</translation>
        </message>
    </context>
    <context>
        <name>PlayingScreen</name>
        <message>
            <location filename="../../player/ui/playing.py" line="47" />
            <source>已暂停</source>
            <translation>Paused</translation>
        </message>
        <message>
            <location filename="../../player/ui/playing.py" line="62" />
            <location filename="../../player/ui/playing.py" line="124" />
            <source>暂停</source>
            <translation>Pause</translation>
        </message>
        <message>
            <location filename="../../player/ui/playing.py" line="63" />
            <source>上一集</source>
            <translation>Previous</translation>
        </message>
        <message>
            <location filename="../../player/ui/playing.py" line="64" />
            <source>下一集</source>
            <translation>Next</translation>
        </message>
        <message>
            <location filename="../../player/ui/playing.py" line="65" />
            <source>放大</source>
            <translation>Enlarge</translation>
        </message>
        <message>
            <location filename="../../player/ui/playing.py" line="66" />
            <source>朗读</source>
            <translation>Read aloud</translation>
        </message>
        <message>
            <location filename="../../player/ui/playing.py" line="67" />
            <source>返回</source>
            <translation>Back</translation>
        </message>
        <message>
            <location filename="../../player/ui/playing.py" line="124" />
            <source>继续</source>
            <translation>Play</translation>
        </message>
        <message>
            <location filename="../../player/ui/playing.py" line="1" />
            <source>还原大小</source>
            <translation>Normal size</translation>
        </message>
    </context>
    <context>
        <name>RestOverlay</name>
        <message>
            <location filename="../../player/ui/family/rest_notice.py" line="30" />
            <source>继续观看</source>
            <translation>Keep watching</translation>
        </message>
    </context>
    <context>
        <name>RestPrompt</name>
        <message>
            <location filename="../../player/ui/family/rest_notice.py" line="77" />
            <source>您已经看了 %1 分钟了。站起来活动活动，喝口水，让眼睛歇一歇吧。</source>
            <translation>You have been watching for %1 minutes. Time to stand up, stretch, have a drink of water and rest your eyes.</translation>
        </message>
    </context>
    <context>
        <name>SeriesScreen</name>
        <message>
            <location filename="../../player/ui/series.py" line="62" />
            <source>从%1继续</source>
            <translation>Continue from %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/series.py" line="62" />
            <source>从%1开始</source>
            <translation>Start from %1</translation>
        </message>
        <message>
            <location filename="../../player/ui/series.py" line="75" />
            <location filename="../../player/ui/series.py" line="101" />
            <source>已看完</source>
            <translation>watched</translation>
        </message>
        <message>
            <location filename="../../player/ui/series.py" line="75" />
            <location filename="../../player/ui/series.py" line="101" />
            <source>未看</source>
            <translation>not watched</translation>
        </message>
        <message>
            <location filename="../../player/ui/series.py" line="1" />
            <source>已看完 · 从头再看</source>
            <translation>Finished · Watch again from the start</translation>
        </message>
        <message>
            <location filename="../../player/ui/series.py" line="1" />
            <source>（%1打不开）</source>
            <translation> (%1 cannot be played)</translation>
        </message>
        <message>
            <location filename="../../player/ui/series.py" line="1" />
            <source>↑ 前面：第 %1–%2 集</source>
            <translation>↑ Before: Episodes %1–%2</translation>
        </message>
        <message>
            <location filename="../../player/ui/series.py" line="1" />
            <source>↓ 后面：第 %1–%2 集</source>
            <translation>↓ After: Episodes %1–%2</translation>
        </message>
        <message>
            <location filename="../../player/ui/series.py" line="1" />
            <source>打不开</source>
            <translation>Can't play</translation>
        </message>
        <message>
            <location filename="../../player/ui/series.py" line="1" />
            <source>已看</source>
            <translation>Watched</translation>
        </message>
        <message>
            <location filename="../../player/ui/series.py" line="1" />
            <source>画面节奏</source>
            <translation>cutting pace </translation>
        </message>
        <message>
            <location filename="../../player/ui/series.py" line="1" />
            <source>往下还有：第 %1–%2 集</source>
            <translation>Further down: Episodes %1–%2</translation>
        </message>
        <message>
            <location filename="../../player/ui/series.py" line="1" />
            <source>、</source>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>VideoView</name>
        <message>
            <location filename="../../player/ui/video_view.py" line="29" />
            <source>画面</source>
            <translation>Picture</translation>
        </message>
    </context>
    <context>
        <name>Cast</name>
        <message>
            <location filename="../../player/cast/receiver.py" line="1" />
            <source>手机投屏没能打开，请检查网络后再试。</source>
            <translation>Casting from phones could not be turned on. Please check the network and try again.</translation>
        </message>
        <message>
            <location filename="../../player/cast/receiver.py" line="1" />
            <source>手机发来的视频地址不能在这里播放，已拒绝。</source>
            <translation>The video address sent by the phone cannot be played here; it was refused.</translation>
        </message>
        <message>
            <location filename="../../player/cast/receiver.py" line="1" />
            <source>一部手机</source>
            <translation>A phone</translation>
        </message>
        <message>
            <location filename="../../player/cast/receiver.py" line="1" />
            <source>%1想在电视上播放视频，可以吗？</source>
            <translation>%1 wants to play a video on the TV. Allow it?</translation>
        </message>
        <message>
            <location filename="../../player/cast/receiver.py" line="1" />
            <source>不可以</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../player/cast/receiver.py" line="1" />
            <source>可以</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../player/cast/receiver.py" line="1" />
            <source>手机投屏</source>
            <translation>Cast from a phone</translation>
        </message>
    </context>
    <context>
        <name>Calm</name>
        <message>
            <location filename="../../player/calm.py" line="61" />
            <source>已减弱闪烁</source>
            <translation>flashes dimmed</translation>
        </message>
        <message>
            <location filename="../../player/calm.py" line="63" />
            <source>已柔化转场</source>
            <translation>cuts softened</translation>
        </message>
        <message>
            <location filename="../../player/calm.py" line="80" />
            <source>已放慢快速镜头</source>
            <translation>rapid cuts slowed</translation>
        </message>
        <message>
            <location filename="../../player/calm.py" line="64" />
            <source>，</source>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>ResumeCountdown</name>
        <message>
            <location filename="../../player/ui/resume_start.py" line="47" />
            <source>按任意键取消</source>
            <translation>Press any key to cancel</translation>
        </message>
        <message>
            <location filename="../../player/ui/resume_start.py" line="103" />
            <source>%1 秒</source>
            <translation>%1 s</translation>
        </message>
    </context>
    <context>
        <name>ResumeOnStart</name>
        <message>
            <location filename="../../player/ui/resume_start.py" line="131" />
            <source>马上继续播放《%1》%2</source>
            <translation>Continuing “%1”, %2, in a moment</translation>
        </message>
        <message>
            <location filename="../../player/ui/resume_start.py" line="168" />
            <source>好的，不自动播放。</source>
            <translation>All right, nothing will play by itself.</translation>
        </message>
    </context>
    <context>
        <name>NoSoundDevice</name>
        <message>
            <location filename="../../player/app.py" line="138" />
            <source>这台电脑没有找到声音设备（音箱或耳机），剧集会没有声音。接上以后，请重新打开长辈剧场。</source>
            <translation>No sound device (speakers or headphones) was found on this computer, so the episodes will play without sound. Connect one, then open SilverReel again.</translation>
        </message>
    </context>
    <context>
        <name>Transfer</name>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>设置没能导出：这个地方写不进去。请换一个 U 盘再试。</source>
            <translation>The settings were not exported: nothing can be written here. Please try another USB stick.</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>文件里的家人设置密码用不了，没有导入，密码保持不变。</source>
            <translation>The Family settings PIN in the file cannot be used. It was not imported; the PIN stays the same.</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>文件里没有可以导入的设置，设置没有改动。</source>
            <translation>The file has no settings that can be imported. Nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>这个文件读不出来，设置没有改动。</source>
            <translation>This file cannot be read. Nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>这个文件不是长辈剧场的设置文件，设置没有改动。</source>
            <translation>This is not a SilverReel settings file. Nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>设置没能保存，导入没有完成，设置没有改动。请检查磁盘空间。</source>
            <translation>The settings could not be saved, so nothing was imported or changed. Please check the disk space.</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>“%1”不是长辈剧场的设置项，没有导入。</source>
            <translation>“%1” is not a SilverReel setting. It was not imported.</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>“%1”的值 %2 不合适（%3），没有导入，保持原来的设置。</source>
            <translation>“%1”: the value %2 does not fit (%3). It was not imported; the old setting stays.</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>这个文件来自更新版本的长辈剧场，有的设置这里可能用不上。</source>
            <translation>This file comes from a newer SilverReel. Some settings may not work here.</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>文件里有一项设置不对，没有导入。</source>
            <translation>One setting in the file is wrong and was not imported.</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>应为 true 或 false</source>
            <translation>should be true or false</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>应为 %1 到 %2 之间的整数</source>
            <translation>should be a whole number from %1 to %2</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>应在 %1 到 %2 之间</source>
            <translation>should be from %1 to %2</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>应为数字</source>
            <translation>should be a number</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>应为以下之一：%1</source>
            <translation>should be one of: %1</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>应为一段文字</source>
            <translation>should be a piece of text</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>应为一组文字</source>
            <translation>should be a list of texts</translation>
        </message>
        <message>
            <location filename="../../player/config/transfer.py" line="1" />
            <source>、</source>
            <translation>, </translation>
        </message>
    </context>
</TS>
