<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BugHunt</name>
    <message>
        <location filename="../../bpgui/views/bug_hunt.py" line="53"/>
        <source>Found: %1. Practice → Remove the bug goes back to the real backward pass.</source>
        <translation>找到了：%1。选择 练习 → 移除错误 即可回到正确的反向传播。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/bug_hunt.py" line="55"/>
        <source>A planted bug is in this backward pass. Find it with the gradient check column, the error curve, the table&apos;s Δp beside −η·∂E/∂p and the chain rule, then Practice → Name the bug…</source>
        <translation>这次反向传播中埋了一个错误。用梯度检验列、误差曲线、表格中 Δp 与 −η·∂E/∂p 的对照以及链式法则把它找出来，然后选择 练习 → 指出错误…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/bug_hunt.py" line="63"/>
        <source>Name the bug</source>
        <translation>指出错误</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/bug_hunt.py" line="64"/>
        <source>Which rule is wrong?</source>
        <translation>哪一条规则错了？</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/bug_hunt.py" line="75"/>
        <source>The planted bug beside the real backward pass</source>
        <translation>埋入的错误与正确的反向传播对照</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/bug_hunt.py" line="81"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/bug_hunt.py" line="81"/>
        <source>∂E/∂p planted</source>
        <translation>∂E/∂p（埋错）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/bug_hunt.py" line="82"/>
        <source>∂E/∂p real</source>
        <translation>∂E/∂p（正确）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/bug_hunt.py" line="82"/>
        <source>Δp planted</source>
        <translation>Δp（埋错）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/bug_hunt.py" line="83"/>
        <source>Δp real</source>
        <translation>Δp（正确）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/bug_hunt.py" line="92"/>
        <source>Name the bug first.</source>
        <translation>请先指出错误。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/bug_hunt.py" line="101"/>
        <source>Found: %1. Iteration t = %2; %3 of %4 parameters differ.</source>
        <translation>找到了：%1。第 t = %2 次迭代：%4 个参数中有 %3 个不同。</translation>
    </message>
</context>
<context>
    <name>DataSets</name>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="23"/>
        <source>XOR</source>
        <extracomment>The translation context of everything here. What the settings panel shows for each built-in set (English; translate with ``translate(DATA_SETS_CONTEXT, text)``), in ``BUILTIN_NAMES`` order.</extracomment>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="24"/>
        <source>AND</source>
        <translation>与（AND）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="25"/>
        <source>OR</source>
        <translation>或（OR）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="26"/>
        <source>NOT</source>
        <translation>非（NOT）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="27"/>
        <source>watermelon 3.0</source>
        <translation>西瓜数据集 3.0</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="28"/>
        <source>watermelon 3.0α</source>
        <translation>西瓜数据集 3.0α</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="29"/>
        <source>circle</source>
        <translation>圆环</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="30"/>
        <source>two Gaussian blobs</source>
        <translation>两团高斯分布</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="31"/>
        <source>spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="32"/>
        <source>two moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="33"/>
        <source>sine curve</source>
        <translation>正弦曲线</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="56"/>
        <source>label columns %1 read as %2 independent 0/1 labels</source>
        <translation>标签列 %1 按 %2 个独立的 0/1 标签读取</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="58"/>
        <source>label columns %1 read as %2 numbers</source>
        <translation>标签列 %1 按 %2 个数值读取</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="61"/>
        <source>label column &apos;%1&apos; read as %2 classes, as chosen</source>
        <translation>标签列“%1”按所选读作 %2 个类别</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="63"/>
        <source>label column &apos;%1&apos; read as a number, as chosen</source>
        <translation>标签列“%1”按所选读作数值</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="65"/>
        <source>label column &apos;%1&apos; read as %2 classes (whole numbers, %3 distinct values); choose &apos;number&apos; to treat it as a number</source>
        <translation>标签列“%1”读作 %2 个类别（整数，%3 个不同的值）；选择“数值”可将其作为数值</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="71"/>
        <source>label column &apos;%1&apos; read as 2 classes (0 and 1, one output); choose &apos;number&apos; to treat it as a number</source>
        <translation>标签列“%1”读作 2 个类别（0 和 1，一个输出）；选择“数值”可将其作为数值</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="76"/>
        <source>label column &apos;%1&apos; read as a number (whole numbers, but %2 distinct values: more than %3); choose &apos;classes&apos; to treat each value as a class</source>
        <translation>标签列“%1”读作数值（整数，但有 %2 个不同的值，多于 %3 个）；选择“类别”可将每个值作为一个类别</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="82"/>
        <source>label column &apos;%1&apos; read as a number (not all whole numbers); choose &apos;classes&apos; to treat each value as a class</source>
        <translation>标签列“%1”读作数值（并非都是整数）；选择“类别”可将每个值作为一个类别</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="88"/>
        <source>label column &apos;%1&apos; read as 2 classes (%2 and %3, one output)</source>
        <translation>标签列“%1”读作 2 个类别（%2 和 %3，一个输出）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="90"/>
        <source>label column &apos;%1&apos; read as %2 classes (text labels)</source>
        <translation>标签列“%1”读作 %2 个类别（文本标签）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/data_notes.py" line="104"/>
        <source>test split %1 holds out %2 of %3 samples, the same as %4</source>
        <translation>测试集比例 %1 从 %3 个样本中留出 %2 个，与 %4 相同</translation>
    </message>
</context>
<context>
    <name>DecisionMapView</name>
    <message>
        <location filename="../../bpgui/views/decision_map.py" line="202"/>
        <source>This network is too wide to map at every step.</source>
        <translation>这个网络太宽，无法在每一步都绘制映射图。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/decision_map.py" line="291"/>
        <source>What it learned</source>
        <translation>学到了什么</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/decision_map.py" line="428"/>
        <source>Choose a data set with 2 inputs to see the map.</source>
        <translation>请选择有 2 个输入的数据集以查看此图。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/decision_map.py" line="430"/>
        <source>The map needs a data set with 2 inputs; this one has %1.</source>
        <translation>此图需要有 2 个输入的数据集；当前数据集有 %1 个输入。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/decision_map.py" line="485"/>
        <source>Map of:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/decision_map.py" line="486"/>
        <source>The output unit whose value the map shows</source>
        <translation>图中显示其输出值的输出层神经元</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/decision_map.py" line="488"/>
        <source>The network&apos;s output over the plane of the two inputs: vermillion 0, white 0.5, blue 1, as the network colours its units. The black line is the decision boundary (output 0.5); ringed samples are misclassified.</source>
        <translation>网络在两个输入构成的平面上的输出：朱红为 0，白色为 0.5，蓝色为 1，与网络中神经元的着色一致。黑线是决策边界（输出 0.5）；带圆圈的样本被分类错误。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/decision_map_tiles.py" line="318"/>
        <source>What each hidden unit bₕ learned</source>
        <translation>每个隐层神经元 bₕ 学到了什么</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/decision_map_tiles.py" line="320"/>
        <source>(first %1 of %2)</source>
        <translation>（共 %2 个，显示前 %1 个）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/decision_map_tiles.py" line="323"/>
        <source>Each tile is one unit of the first hidden layer over the same plane; the dashed line is where it switches (α − γ = 0)</source>
        <translation>每个小图是第一隐层的一个神经元在同一平面上的输出；虚线是它发生切换的位置（α − γ = 0）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/decision_map_tiles.py" line="328"/>
        <source>Across: %1; up: %2 (as on the map beside)</source>
        <translation>横轴：%1；纵轴：%2（与旁边的图相同）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/decision_map_samples.py" line="99"/>
        <source>map of %1: %2 … %3</source>
        <translation>%1 的颜色：%2 … %3</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/decision_map_samples.py" line="104"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/decision_map_samples.py" line="107"/>
        <source>%1 of %2 misclassified</source>
        <translation>%2 个样本中有 %1 个分类错误</translation>
    </message>
</context>
<context>
    <name>DerivationPanel</name>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="182"/>
        <source>&lt;b&gt;The chain rule&lt;/b&gt;&lt;br&gt;An input has no parameter of its own: select a link or a unit after the input to see ∂E/∂p factor by factor.</source>
        <translation>&lt;b&gt;链式法则&lt;/b&gt;&lt;br&gt;输入没有自己的参数：选择一条连接或输入层之后的一个神经元，即可逐个因子地查看 ∂E/∂p。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="184"/>
        <source>&lt;b&gt;The chain rule&lt;/b&gt;&lt;br&gt;Select a weight or a threshold (click a link or a unit, or a row of the table) to see ∂E/∂p factor by factor with this iteration&apos;s numbers.</source>
        <translation>&lt;b&gt;链式法则&lt;/b&gt;&lt;br&gt;选择一个权重或阈值（点击一条连接或一个神经元，或表格中的一行），即可用本次迭代的数值逐个因子地查看 ∂E/∂p。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="189"/>
        <source>&lt;b&gt;∂%2/∂%1&lt;/b&gt;&lt;br&gt;Not computed yet: a later phase of this iteration computes it.</source>
        <translation>&lt;b&gt;∂%2/∂%1&lt;/b&gt;&lt;br&gt;尚未计算：本次迭代的后续阶段才会计算它。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="198"/>
        <source>(%1 values)</source>
        <translation>（共 %1 个值）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="205"/>
        <source>&lt;b&gt;The forward pass of %1&lt;/b&gt;&lt;br&gt;Not computed yet: a later forward phase of this iteration computes it.</source>
        <translation>&lt;b&gt;%1 的前向计算&lt;/b&gt;&lt;br&gt;尚未计算：本次迭代后续的前向阶段才会计算它。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="207"/>
        <source>&lt;b&gt;The forward pass of %1&lt;/b&gt; (sample k = %2)</source>
        <translation>&lt;b&gt;%1 的前向计算&lt;/b&gt;（样本 k = %2）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="210"/>
        <source>%1, the input “%2”</source>
        <translation>%1，即输入“%2”</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="215"/>
        <source>(%1 terms)</source>
        <translation>（共 %1 项）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="226"/>
        <source>sample k = %1: x = (%2), y = (%3)</source>
        <translation>样本 k = %1：x = (%2)，y = (%3)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="228"/>
        <source>sample k = %1, the first of a batch of %2: x = (%3), y = (%4)</source>
        <translation>样本 k = %1（一批 %2 个样本中的第一个）：x = (%3)，y = (%4)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="238"/>
        <source>j = %1: </source>
        <translation>j = %1: </translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="254"/>
        <source>&lt;b&gt;The paths from %1 to %2&lt;/b&gt;, the product along each:</source>
        <translation>&lt;b&gt;从 %1 到 %2 的各条路径&lt;/b&gt;，每条路径上的乘积：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="260"/>
        <source>… and %1 more paths (%2 in all)</source>
        <translation>……另有 %1 条路径（共 %2 条）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="261"/>
        <source>Σ over the paths (%1 in all): %2</source>
        <translation>对所有路径求和 Σ（共 %1 条）：%2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/derivation_panel.py" line="246"/>
        <source>(%1 terms, one per sample of the batch)</source>
        <translation>（共 %1 项，批中每个样本一项）</translation>
    </message>
</context>
<context>
    <name>DifferenceModel</name>
    <message>
        <location filename="../../bpgui/views/runs_difference.py" line="129"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_difference.py" line="133"/>
        <source>%1 − %2</source>
        <translation>%1 − %2</translation>
    </message>
</context>
<context>
    <name>DifferenceView</name>
    <message>
        <location filename="../../bpgui/views/runs_difference.py" line="146"/>
        <source>The iteration both runs are compared after</source>
        <translation>在这次迭代之后比较两个训练过程</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_difference.py" line="147"/>
        <source>t shown</source>
        <translation>当前 t</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_difference.py" line="148"/>
        <source>Compare at the iteration the window shows, as it moves</source>
        <translation>在窗口当前显示的迭代处比较，并随之移动</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_difference.py" line="150"/>
        <source>Largest difference first</source>
        <translation>差值最大的在前</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_difference.py" line="170"/>
        <source>From run</source>
        <translation>从训练过程</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_difference.py" line="170"/>
        <source>to run</source>
        <translation>到训练过程</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_difference.py" line="171"/>
        <source>at t =</source>
        <translation>在 t =</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_difference.py" line="243"/>
        <source>Parameters of two runs at the same t: computing…</source>
        <translation>两个训练过程在同一 t 处的参数：正在计算…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_difference.py" line="249"/>
        <source>Parameters of two runs after t = %1</source>
        <translation>两个训练过程在 t = %1 之后的参数</translation>
    </message>
</context>
<context>
    <name>ErrorPlotView</name>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="322"/>
        <source>Error curve</source>
        <translation>误差曲线</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="404"/>
        <source>x axis:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="405"/>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="406"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="407"/>
        <source>Plot against iterations t or against epochs</source>
        <translation>以迭代次数 t 或轮数为横轴绘图</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="408"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="409"/>
        <source>Logarithmic error axis (zeros are drawn at a small positive floor)</source>
        <translation>误差轴使用对数坐标（零值画在一个很小的正下限处）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="464"/>
        <source>Eₖ per iteration</source>
        <translation>每次迭代的 Eₖ</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="581"/>
        <source>Values above %1 are drawn at %1; %2</source>
        <translation>大于 %1 的值画在 %1 处；%2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot_hover.py" line="29"/>
        <source>Point at a curve to read its value</source>
        <translation>指向曲线以读取其数值</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot_hover.py" line="33"/>
        <source>t = {t}: Eₖ = {value}</source>
        <translation>t = {t}: Eₖ = {value}</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot_hover.py" line="37"/>
        <source>epoch {epoch} (t = {t}): E = {value}</source>
        <translation>第 {epoch} 轮（t = {t}）：E = {value}</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot_hover.py" line="40"/>
        <source>, test E = {value}</source>
        <translation>，测试集 E = {value}</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="452"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="452"/>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="454"/>
        <source>error</source>
        <translation>误差</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="465"/>
        <source>E per epoch</source>
        <translation>每轮的 E</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="467"/>
        <source>test E</source>
        <translation>测试集 E</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/error_plot.py" line="563"/>
        <source>t = {t}</source>
        <translation>t = {t}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="61"/>
        <location filename="../../bpgui/session/settings.py" line="113"/>
        <source>the label type must be one of {types}, not {label_type}</source>
        <extracomment>How to read a label column: decide from its values, as classes, or as a number. ``label_type=&quot;auto&quot;`` reads whole numbers with at most this many distinct values as classes (digits 0-9: ten classes); ``csv_import`` applies it. The task each label type gives.</extracomment>
        <translation>标签类型必须是 {types} 之一，而不是 {label_type}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="106"/>
        <source>data set {name}: {what} are not numbers ({reason})</source>
        <translation>数据集 {name}：{what} 不是数值（{reason}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="111"/>
        <source>data set {name}: {what} must be a 2-D array (rows × columns), got shape {shape}</source>
        <translation>数据集 {name}：{what} 必须是二维数组（行 × 列），实际形状为 {shape}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="119"/>
        <source>data set {name}: {what} contain NaN or infinity</source>
        <translation>数据集 {name}：{what} 中含有 NaN 或无穷大</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="173"/>
        <source>data set {name}: {inputs} input rows but {targets} target rows</source>
        <translation>数据集 {name}：输入有 {inputs} 行，但目标有 {targets} 行</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="178"/>
        <source>data set {name}: {names} feature names for {columns} input columns</source>
        <translation>数据集 {name}：输入有 {columns} 列，但特征名有 {names} 个</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="183"/>
        <source>data set {name}: {names} target names for {columns} target columns</source>
        <translation>数据集 {name}：目标有 {columns} 列，但目标名有 {names} 个</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="188"/>
        <source>data set {name}: there are no target columns</source>
        <translation>数据集 {name}：没有目标列</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="192"/>
        <source>data set {name}: task must be &apos;classification&apos; or &apos;regression&apos;, not {task}</source>
        <translation>数据集 {name}：任务类型必须是 &apos;classification&apos; 或 &apos;regression&apos;，而不是 {task}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="202"/>
        <source>data set {name}: a regression set has no class names</source>
        <translation>数据集 {name}：回归数据集没有类别名</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="210"/>
        <source>data set {name}: a single-output classification set needs 2 class names (negative, positive), got {count}</source>
        <translation>数据集 {name}：单输出的分类数据集需要 2 个类别名（负类、正类），实际有 {count} 个</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="219"/>
        <source>data set {name}: {count} class names for {outputs} one-hot outputs</source>
        <translation>数据集 {name}：独热编码的输出有 {outputs} 个，但类别名有 {count} 个</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="224"/>
        <source>data set {name}: classification targets must be 0 or 1</source>
        <translation>数据集 {name}：分类任务的目标值必须是 0 或 1</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="231"/>
        <source>data set {name}: one-hot targets need exactly one 1 per row</source>
        <translation>数据集 {name}：独热编码的目标值每行必须恰好有一个 1</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="238"/>
        <source>data set {name}: label type {label_type} does not fit task {task}</source>
        <translation>数据集 {name}：标签类型 {label_type} 与任务 {task} 不符</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="298"/>
        <source>data set {name}: outputs have shape {shape}, expected (m, {outputs})</source>
        <translation>数据集 {name}：输出的形状为 {shape}，应为 (m, {outputs})</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="306"/>
        <source>data set {name} is a regression set; {what} applies to classification sets only</source>
        <translation>数据集 {name} 是回归数据集；{what} 只适用于分类数据集</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="344"/>
        <source>data set {name}: {rows} output rows for {samples} samples</source>
        <translation>数据集 {name}：有 {samples} 个样本，但输出有 {rows} 行</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/dataset.py" line="96"/>
        <source>seed must be a whole number &gt;= 0, not {seed}</source>
        <translation>随机种子 seed 必须是 &gt;= 0 的整数，而不是 {seed}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/builtin_data.py" line="91"/>
        <source>n_samples must be a whole number from 2 to {most}, not {n_samples}</source>
        <extracomment>The languages of the watermelon tables: the shipped file of each.</extracomment>
        <translation>样本数 n_samples 必须是 2 到 {most} 之间的整数，而不是 {n_samples}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/builtin_data.py" line="101"/>
        <source>noise must be a finite number &gt;= 0, not {noise}</source>
        <translation>噪声 noise 必须是 &gt;= 0 的有限数，而不是 {noise}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/builtin_data.py" line="111"/>
        <source>the language must be a language code such as en or zh_CN, not {language}</source>
        <translation>语言必须是 en 或 zh_CN 这样的语言代码，而不是 {language}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/builtin_data.py" line="131"/>
        <source>built-in data set {name} has numeric targets; they cannot be read as classes</source>
        <translation>内置数据集 {name} 的目标是数值，不能按类别读取</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/builtin_data.py" line="294"/>
        <source>unknown built-in data set {name}; the built-in data sets are: {names}</source>
        <translation>未知的内置数据集 {name}；内置数据集有：{names}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/builtin_data.py" line="349"/>
        <source>{file}: not a built-in data set and no such file; the built-in data sets are: {names}</source>
        <translation>{file}：既不是内置数据集，也没有这个文件；内置数据集有：{names}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_read.py" line="38"/>
        <source>{file}: unknown encoding {encoding}</source>
        <extracomment>A data row: the 1-based line where it starts and its stripped cells.</extracomment>
        <translation>{file}：未知的编码 {encoding}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_read.py" line="42"/>
        <source>{file}, line {line}: the file is not valid {encoding} text</source>
        <translation>{file}，第 {line} 行：该文件不是有效的 {encoding} 文本</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_read.py" line="53"/>
        <source>{file}: the file is neither UTF-8 nor GBK text (the first bad byte is on line {line}); save it as UTF-8 CSV</source>
        <translation>{file}：该文件既不是 UTF-8 文本，也不是 GBK 文本（第一个无效字节在第 {line} 行）；请将其另存为 UTF-8 编码的 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_read.py" line="72"/>
        <source>{file}: file not found</source>
        <translation>{file}：找不到文件</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_read.py" line="74"/>
        <source>{file}: is a folder, not a file</source>
        <translation>{file}：这是一个文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_read.py" line="77"/>
        <source>{file}: cannot read the file ({reason})</source>
        <translation>{file}：无法读取该文件（{reason}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_read.py" line="94"/>
        <source>{file}, line {line}: not valid CSV ({reason})</source>
        <translation>{file}，第 {line} 行：不是有效的 CSV（{reason}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_read.py" line="106"/>
        <source>{file}: the file is empty (a header row is required)</source>
        <translation>{file}：文件为空（必须有表头行）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_read.py" line="111"/>
        <source>{file}, line {line}: the header has {columns} column; at least 2 are needed (features and a label). Is the file comma-separated?</source>
        <translation>{file}，第 {line} 行：表头只有 {columns} 列；至少需要 2 列（特征和标签）。该文件是用逗号分隔的吗？</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_read.py" line="122"/>
        <source>{file}, line {line}, column {column}: empty column name</source>
        <translation>{file}，第 {line} 行，第 {column} 列：列名为空</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_read.py" line="127"/>
        <source>{file}, line {line}: duplicate column name {name} (columns {first} and {second})</source>
        <translation>{file}，第 {line} 行：列名 {name} 重复（第 {first} 列和第 {second} 列）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_read.py" line="137"/>
        <source>{file}, line {line}: the row has {cells} cells, the header has {expected}</source>
        <translation>{file}，第 {line} 行：该行有 {cells} 个单元格，而表头有 {expected} 列</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_read.py" line="144"/>
        <source>{file}: no data rows (only the header)</source>
        <translation>{file}：没有数据行（只有表头）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_import.py" line="111"/>
        <source>{file}, line {line}, column {column} ({header}): empty value</source>
        <extracomment>First-column headers (compared case-insensitively) taken for an id column. Label spellings (compared case-insensitively) read as the positive class. Label spellings (compared case-insensitively) read as the negative class.</extracomment>
        <translation>{file}，第 {line} 行，第 {column} 列（{header}）：值为空</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_import.py" line="133"/>
        <source>{file}, line {line}, column {column} ({header}): {value} is not a number (text in a numeric label column)</source>
        <translation>{file}，第 {line} 行，第 {column} 列（{header}）：{value} 不是数字（数值标签列中出现了文本）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_import.py" line="141"/>
        <source>{file}, line {line}, column {column} ({header}): {value} is not a number (text in a numeric feature column)</source>
        <translation>{file}，第 {line} 行，第 {column} 列（{header}）：{value} 不是数字（数值特征列中出现了文本）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_import.py" line="156"/>
        <source>{file}, line {line}, column {column} ({header}): {value} is not a finite number</source>
        <translation>{file}，第 {line} 行，第 {column} 列（{header}）：{value} 不是有限数</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_import.py" line="185"/>
        <source>{file}, column {column} ({header}): only one class ({classes}) in the labels; classification needs at least two</source>
        <translation>{file}，第 {column} 列（{header}）：标签中只有一个类别（{classes}）；分类至少需要两个类别</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_import.py" line="216"/>
        <source>{file}, line {line}, column {column} ({header}): label {value} is not a number; read the labels as classes instead</source>
        <translation>{file}，第 {line} 行，第 {column} 列（{header}）：标签 {value} 不是数字；请改为按类别读取标签</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_import.py" line="284"/>
        <source>{file}, line {line}, column {column} ({header}): label {value} is not a number (with several label columns every label must be numeric)</source>
        <translation>{file}，第 {line} 行，第 {column} 列（{header}）：标签 {value} 不是数字（有多个标签列时，每个标签都必须是数值）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_import.py" line="416"/>
        <source>{file}: label_columns is empty; name at least one column</source>
        <translation>{file}：label_columns 为空；请至少指定一列</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_import.py" line="423"/>
        <source>{file}: no column named {name} (label_columns); the columns are: {columns}</source>
        <translation>{file}：没有名为 {name} 的列（label_columns）；现有的列为：{columns}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_import.py" line="432"/>
        <source>{file}: label column {name} is named twice</source>
        <translation>{file}：标签列 {name} 被指定了两次</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_import.py" line="442"/>
        <source>{file}: no feature columns are left besides the id and label columns; the columns are: {columns}</source>
        <translation>{file}：除 id 列和标签列之外，没有剩下任何特征列；现有的列为：{columns}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/csv_import.py" line="475"/>
        <source>{file}, column {column} ({header}): with several label columns, labels read as classes must be 0 or 1</source>
        <translation>{file}，第 {column} 列（{header}）：有多个标签列时，按类别读取的标签必须是 0 或 1</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/split.py" line="33"/>
        <source>test_fraction must be a number in [0, 1), not {test_fraction}</source>
        <translation>测试集比例 test_fraction 必须是 [0, 1) 内的数，而不是 {test_fraction}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/split.py" line="68"/>
        <source>data set {name} has {rows} row(s); a train/test split needs at least 2</source>
        <translation>数据集 {name} 只有 {rows} 行；划分训练集/测试集至少需要 2 行</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/split.py" line="105"/>
        <source>the fraction step must be a number in (0, 1), not {step}</source>
        <translation>比例步长必须是 (0, 1) 之间的数，而不是 {step}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="96"/>
        <source>{source}: {key}: expected a number, got {got}</source>
        <extracomment>Integers longer than this are read as ``_HugeNumber`` instead of ``int``: Python refuses to convert more than 4,300 digits (a ValueError that named no key), and no valid key needs more than a few.</extracomment>
        <translation>{source}：{key}：应为数字，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="106"/>
        <source>{source}: {key}: expected a finite number, got {got}</source>
        <translation>{source}：{key}：应为有限数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="138"/>
        <source>{source}: {key}: expected a list of {rows} rows (one per unit of the layer before), got {got}</source>
        <translation>{source}：{key}：应为包含 {rows} 行的列表（前一层的每个神经元一行），实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="148"/>
        <source>{source}: {key}: expected a list of {columns} numbers (one per unit of the next layer), got {got}</source>
        <translation>{source}：{key}：应为包含 {columns} 个数字的列表（后一层的每个神经元一个），实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="163"/>
        <source>{source}: {key}: expected a list of {count} numbers, got {got}</source>
        <translation>{source}：{key}：应为包含 {count} 个数字的列表，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="196"/>
        <source>{source}: {key}: expected a JSON object</source>
        <translation>{source}：{key}：应为 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="201"/>
        <location filename="../../bpgui/session/lessons.py" line="102"/>
        <location filename="../../bpgui/session/session_format.py" line="224"/>
        <source>{source}: {key}: unknown key (allowed: {allowed})</source>
        <translation>{source}：{key}：未知的键（允许的键：{allowed}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/errors.py" line="146"/>
        <location filename="../../bpgui/model/fileformat.py" line="206"/>
        <source>{source}: {key}: expected {expected}, got {got}</source>
        <extracomment>The translation context of every error template.</extracomment>
        <translation>{source}：{key}：应为{expected}，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="212"/>
        <source>{source}: {key}: this bpgui reads version {version}, got {got}</source>
        <translation>{source}：{key}：此 bpgui 读取的是版本 {version}，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="218"/>
        <source>{source}: {key}: expected a list of at least 2 layers (input and output)</source>
        <translation>{source}：{key}：应为至少包含 2 层（输入层和输出层）的列表</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="223"/>
        <source>{source}: {key}: a network with {count} hidden layers is too deep; bpgui handles at most {limit}</source>
        <translation>{source}：{key}：含 {count} 个隐层的网络太深；bpgui 最多支持 {limit} 个隐层</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="234"/>
        <source>{source}: {key}: expected an object such as {{&quot;units&quot;: 2, &quot;activation&quot;: &quot;sigmoid&quot;}}</source>
        <translation>{source}：{key}：应为形如 {{&quot;units&quot;: 2, &quot;activation&quot;: &quot;sigmoid&quot;}} 的对象</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="242"/>
        <source>{source}: {key}: unknown key (allowed: units, activation)</source>
        <translation>{source}：{key}：未知的键（允许的键：units, activation）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="249"/>
        <location filename="../../bpgui/model/fileformat.py" line="321"/>
        <source>{source}: {key}: expected at most {limit}, got {got}</source>
        <translation>{source}：{key}：应不超过 {limit}，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="254"/>
        <source>{source}: {key}: expected a positive whole number, got {got}</source>
        <translation>{source}：{key}：应为正整数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="261"/>
        <source>{source}: {key}: the input layer has no activation</source>
        <translation>{source}：{key}：输入层没有激活函数</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="268"/>
        <location filename="../../bpgui/model/fileformat.py" line="286"/>
        <location filename="../../bpgui/model/fileformat.py" line="311"/>
        <source>{source}: {key}: expected one of {allowed}, got {got}</source>
        <translation>{source}：{key}：应为 {allowed} 之一，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="275"/>
        <source>{source}: {key}: a {shape} network has {count} parameters; bpgui handles at most {limit}: use fewer units</source>
        <translation>{source}：{key}：{shape} 网络有 {count} 个参数；bpgui 最多支持 {limit} 个：请减少神经元数</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="291"/>
        <source>{source}: {key}: cross_entropy needs a sigmoid output layer</source>
        <translation>{source}：{key}：cross_entropy（交叉熵）要求输出层使用 sigmoid 激活函数</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="299"/>
        <source>{source}: {key}: expected a positive number, got {got}</source>
        <translation>{source}：{key}：应为正数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="305"/>
        <source>{source}: {key}: expected a whole number ≥ 0, got {got}</source>
        <translation>{source}：{key}：应为 ≥ 0 的整数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="317"/>
        <source>{source}: {key}: expected a positive number</source>
        <translation>{source}：{key}：应为正数</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="333"/>
        <source>{source}: {key}: expected a list of {count} matrices (one per layer after the input), got {got}</source>
        <translation>{source}：{key}：应为包含 {count} 个矩阵的列表（输入层之后每层一个），实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="344"/>
        <source>{source}: {key}: expected a list of {count} lists (one per layer after the input), got {got}</source>
        <translation>{source}：{key}：应为包含 {count} 个列表的列表（输入层之后每层一个），实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="367"/>
        <source>{file}: no such file</source>
        <translation>{file}：文件不存在</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="369"/>
        <source>{file}: not UTF-8 text (byte {byte})</source>
        <translation>{file}：不是 UTF-8 文本（字节位置 {byte}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="372"/>
        <location filename="../../bpgui/session/session_files.py" line="277"/>
        <source>{file}: cannot be read ({reason})</source>
        <translation>{file}：无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="378"/>
        <source>{file}, line {line}, column {column}: not valid JSON ({reason})</source>
        <translation>{file}，第 {line} 行，第 {column} 列：不是有效的 JSON（{reason}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/fileformat.py" line="355"/>
        <source>{file}: nested too deeply to be a network file</source>
        <translation>{file}：嵌套层数过深，不可能是网络文件</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/atomic.py" line="64"/>
        <source>{file}: not a regular file (a folder, a device or a pipe); choose another name</source>
        <translation>{file}：不是普通文件（是文件夹、设备或管道）；请另选一个文件名</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/atomic.py" line="71"/>
        <source>{file}: the file is read-only; make it writable or choose another name</source>
        <translation>{file}：文件是只读的；请先使其可写，或另选一个文件名</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/atomic.py" line="85"/>
        <source>{file}: cannot write here ({reason})</source>
        <translation>{file}：无法在此处写入（{reason}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/atomic.py" line="130"/>
        <source>{file}: only {written} of {size} bytes could be written; the previous file is kept</source>
        <translation>{file}：{size} 字节中只写入了 {written} 字节；原来的文件保持不变</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/atomic.py" line="46"/>
        <source>{file}: cannot be written ({reason})</source>
        <translation>{file}：无法写入（{reason}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="84"/>
        <source>{structure} has {expected} parameters, got {got}</source>
        <extracomment>The largest ``init_range``: a weight of a million already saturates every sigmoid, and U(−r, r) cannot even be drawn once 2r overflows a float. One limit on every path (settings panel, command line, network files): a network larger than this would take seconds and gigabytes to build. The deepest network bpgui builds: a hundred hidden layers is far beyond what a learner can follow phase by phase, and every deeper file was a hang.</extracomment>
        <translation>{structure} 网络有 {expected} 个参数，实际为 {got} 个</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="153"/>
        <location filename="../../bpgui/session/settings.py" line="107"/>
        <source>init must be one of {allowed}, got {got}</source>
        <translation>初始化方式 init 必须是 {allowed} 之一，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="159"/>
        <source>init_range must be a positive number, got {got}</source>
        <translation>初始化范围 init_range 必须是正数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="163"/>
        <source>init_range must be at most {limit}, got {got}</source>
        <translation>初始化范围 init_range 不能超过 {limit}，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="193"/>
        <source>one weight matrix and one threshold vector are needed per layer after the input</source>
        <translation>输入层之后的每一层都需要一个权重矩阵和一个阈值向量</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="204"/>
        <source>layer {layer}: weights {weights} / thresholds {thresholds} do not fit sizes {expected}</source>
        <translation>第 {layer} 层：权重 {weights} / 阈值 {thresholds} 与层大小 {expected} 不符</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="230"/>
        <location filename="../../bpgui/session/training.py" line="82"/>
        <source>a parameter must be a finite number, got {got}</source>
        <translation>参数必须是有限数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="234"/>
        <location filename="../../bpgui/model/network.py" line="240"/>
        <source>there is no unit {unit} in layer {layer}</source>
        <translation>第 {layer} 层中没有神经元 {unit}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="248"/>
        <source>kind must be &apos;weight&apos; or &apos;threshold&apos;, got {got}</source>
        <translation>参数类型 kind 必须是 &apos;weight&apos; 或 &apos;threshold&apos;，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="326"/>
        <source>a network needs an input layer and an output layer</source>
        <translation>网络需要一个输入层和一个输出层</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="330"/>
        <source>layer {layer} must have a positive whole number of units, got {got}</source>
        <translation>第 {layer} 层的神经元数必须是正整数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="336"/>
        <source>{expected} activations are needed (one per layer after the input), got {got}</source>
        <translation>需要 {expected} 个激活函数（输入层之后每层一个），实际为 {got} 个</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="342"/>
        <source>layer {layer}: activation must be one of {allowed}, got {got}</source>
        <translation>第 {layer} 层：激活函数必须是 {allowed} 之一，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="368"/>
        <source>a network with {count} hidden layers is too deep; bpgui handles at most {limit}</source>
        <translation>含 {count} 个隐层的网络太深；bpgui 最多支持 {limit} 个隐层</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="409"/>
        <source>hidden layer sizes are positive whole numbers separated by commas or spaces, such as 8,4; {part} in {text} is not one</source>
        <translation>各隐层的神经元数应为用逗号或空格分隔的正整数，例如 8,4；{text} 中的 {part} 不是正整数</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/activations.py" line="114"/>
        <location filename="../../bpgui/session/settings.py" line="105"/>
        <source>loss must be one of {allowed}, got {got}</source>
        <translation>损失函数必须是 {allowed} 之一，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="349"/>
        <source>cross-entropy needs a sigmoid output layer (its outputs must lie in (0, 1))</source>
        <translation>交叉熵要求输出层使用 sigmoid 激活函数（其输出必须位于 (0, 1) 内）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="400"/>
        <source>hidden layer sizes: there is an empty entry in {text} (two separators in a row, or one at the start or end)</source>
        <translation>隐层大小：{text} 中有一个空项（两个分隔符相连，或分隔符位于开头或结尾）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/perceptron.py" line="81"/>
        <source>rule must be one of {allowed}, got {got}</source>
        <translation>规则必须是 {allowed} 之一，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/perceptron.py" line="86"/>
        <source>the learning rate η must be a positive number, got {got}</source>
        <translation>学习率 η 必须是正数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/perceptron.py" line="92"/>
        <source>expected {expected} weights, got {got}</source>
        <translation>应有 {expected} 个权重，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/perceptron.py" line="163"/>
        <source>expected {expected} labels, got {got}</source>
        <translation>应有 {expected} 个标签，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training_config.py" line="31"/>
        <location filename="../../bpgui/session/settings.py" line="106"/>
        <source>mode must be one of {allowed}, got {got}</source>
        <translation>模式必须是 {allowed} 之一，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training_config.py" line="37"/>
        <location filename="../../bpgui/session/settings.py" line="117"/>
        <source>the learning rate η must be a positive finite number, got {got}</source>
        <translation>学习率 η 必须是正的有限数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training_config.py" line="43"/>
        <source>the batch size must be a positive whole number, got {got}</source>
        <translation>批大小必须是正整数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training_config.py" line="65"/>
        <location filename="../../bpgui/session/settings.py" line="120"/>
        <source>the target error must be a number ≥ 0, got {got}</source>
        <translation>目标误差必须是 ≥ 0 的数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training_config.py" line="70"/>
        <source>the maximum number of epochs must be a positive whole number, got {got}</source>
        <translation>最大轮数必须是正整数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training_checks.py" line="55"/>
        <source>cross-entropy needs targets from 0 to 1, but the training set {name} has the target {value}</source>
        <translation>交叉熵要求目标值在 0 到 1 之间，但训练集 {name} 中有目标值 {value}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training_checks.py" line="62"/>
        <source>cross-entropy needs targets from 0 to 1, but the test set {name} has the target {value}</source>
        <translation>交叉熵要求目标值在 0 到 1 之间，但测试集 {name} 中有目标值 {value}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training.py" line="92"/>
        <source>the training set {name} has no samples</source>
        <translation>训练集 {name} 没有样本</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training_checks.py" line="25"/>
        <source>the training set {name} has {inputs} inputs and {outputs} outputs, but the network is {structure}</source>
        <translation>训练集 {name} 有 {inputs} 个输入和 {outputs} 个输出，但网络结构是 {structure}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training_checks.py" line="33"/>
        <source>the test set {name} has {inputs} inputs and {outputs} outputs, but the network is {structure}</source>
        <translation>测试集 {name} 有 {inputs} 个输入和 {outputs} 个输出，但网络结构是 {structure}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/time_travel.py" line="115"/>
        <location filename="../../bpgui/model/training.py" line="255"/>
        <source>training changed since this iteration was planned; plan it again</source>
        <translation>训练在规划这次迭代之后已改变；请重新规划</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training.py" line="292"/>
        <source>iteration {iteration} produced a non-finite error or parameter (η = {eta}); it was not applied</source>
        <translation>第 {iteration} 次迭代产生了非有限的误差或参数（η = {eta}）；该次迭代的结果未被采用</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training.py" line="391"/>
        <source>training to the end needs a target error or a maximum number of epochs</source>
        <translation>一直训练到结束需要设定目标误差或最大轮数</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training.py" line="589"/>
        <source>a change at iteration {at} does not fit the run at iteration {t}</source>
        <translation>第 {at} 次迭代处的改动与第 {t} 次迭代的训练过程不符</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/time_travel.py" line="80"/>
        <source>iteration must be between 0 and {end}, got {got}</source>
        <translation>迭代次数必须在 0 到 {end} 之间，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/time_travel.py" line="131"/>
        <source>already at iteration 0: there is nothing to step back to</source>
        <translation>已处于第 0 次迭代：无法再后退</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/time_travel.py" line="147"/>
        <location filename="../../bpgui/model/time_travel.py" line="164"/>
        <source>iteration {t} is not computed (0 to {end})</source>
        <translation>第 {t} 次迭代尚未计算（可选 0 到 {end}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/training.py" line="567"/>
        <source>the new network has a different structure; make a new trainer</source>
        <translation>新网络的结构不同；请创建新的训练器</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/network.py" line="375"/>
        <source>a {shape} network has {count} parameters; bpgui handles at most {limit}: use fewer hidden units</source>
        <translation>{shape} 网络有 {count} 个参数；bpgui 最多处理 {limit} 个：请减少隐层神经元</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="364"/>
        <source>There is no parameter number {index}.</source>
        <translation>不存在编号为 {index} 的参数。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/writing.py" line="79"/>
        <source>{file} was not written: the worker process stopped before it was done (out of memory?); save it again</source>
        <translation>{file} 未写入：后台进程在完成前停止了（内存不足？）；请再保存一次</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/writing.py" line="229"/>
        <source>{file} is a {shape} network, but the data set {data} has {inputs} input(s) and {outputs} output(s)</source>
        <translation>{file} 是 {shape} 网络，但数据集 {data} 有 {inputs} 个输入和 {outputs} 个输出</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/files.py" line="28"/>
        <source>{file}: the picture could not be drawn ({reason}); nothing was written</source>
        <translation>{file}：无法绘制图片（{reason}）；未写入任何内容</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="87"/>
        <source>the data set must be a built-in name or a file path, got {got}</source>
        <extracomment>The largest seed the settings panel offers (and remembers). The largest test split the settings panel offers (and remembers).</extracomment>
        <translation>数据集必须是内置数据集的名称或文件路径，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="90"/>
        <source>the hidden layer sizes must be a list of whole numbers, got {got}</source>
        <translation>隐层大小必须是一列整数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="93"/>
        <source>the test split must be a fraction from 0 to {limit}, got {got}</source>
        <translation>测试集比例必须是 0 到 {limit} 之间的数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="97"/>
        <source>shuffle must be on or off, got {got}</source>
        <translation>打乱顺序只能是开或关，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="99"/>
        <source>the seed must be a whole number from 0 to {limit}, got {got}</source>
        <translation>随机种子必须是 0 到 {limit} 之间的整数，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="104"/>
        <source>the activation must be one of {allowed}, got {got}</source>
        <translation>激活函数必须是 {allowed} 之一，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/practice/grading.py" line="100"/>
        <source>{text} is not a number; type one such as 0.42, -1.5 or 4.2e-3</source>
        <translation>{text} 不是数字；请输入如 0.42、-1.5 或 4.2e-3 这样的数</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/practice/grading.py" line="151"/>
        <source>{text} has too few significant digits; type at least two (0.42, not 0.4)</source>
        <translation>{text} 的有效数字太少；请至少输入两位（如 0.42，而不是 0.4）</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/practice/easy.py" line="44"/>
        <source>{text} is not a sign; type +, - or 0</source>
        <translation>{text} 不是符号；请输入 +、- 或 0</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/practice/easy.py" line="52"/>
        <source>{text} is not a comparison; type &gt; (bigger), &lt; (smaller) or = (the same)</source>
        <translation>{text} 不是比较；请输入 &gt;（更大）、&lt;（更小）或 =（相同）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practising.py" line="128"/>
        <location filename="../../bpgui/session/practising.py" line="132"/>
        <source>iteration {iteration}: its numbers are too large to work by hand (training diverged)</source>
        <translation>第 {iteration} 次迭代：数值太大，无法手算（训练已发散）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/lessons.py" line="49"/>
        <source>{file}: nested too deeply to be a lesson</source>
        <translation>{file}：嵌套过深，不是课程文件</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/lessons.py" line="99"/>
        <location filename="../../bpgui/session/practice.py" line="223"/>
        <location filename="../../bpgui/session/practice.py" line="239"/>
        <location filename="../../bpgui/session/practice.py" line="284"/>
        <location filename="../../bpgui/session/session_format.py" line="221"/>
        <location filename="../../bpgui/session/session_format.py" line="366"/>
        <source>an object</source>
        <extracomment>The longest run a file may ask to replay (more would hold the window for hours).</extracomment>
        <translation>一个对象</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/lessons.py" line="107"/>
        <location filename="../../bpgui/session/session_format.py" line="229"/>
        <source>{source}: {key}: missing</source>
        <translation>{source}：{key}：缺失</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/lessons.py" line="118"/>
        <source>text of at most {limit} characters</source>
        <translation>不超过 {limit} 个字符的文本</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/lessons.py" line="125"/>
        <location filename="../../bpgui/session/session_format.py" line="237"/>
        <source>a whole number from {low} to {high}</source>
        <translation>从 {low} 到 {high} 的整数</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/lessons.py" line="132"/>
        <location filename="../../bpgui/session/practice.py" line="243"/>
        <location filename="../../bpgui/session/practice.py" line="307"/>
        <location filename="../../bpgui/session/session_format.py" line="251"/>
        <location filename="../../bpgui/session/session_format.py" line="353"/>
        <source>one of {choices}</source>
        <translation>以下之一：{choices}</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/lessons.py" line="138"/>
        <source>a parameter&apos;s name, e.g. v_11</source>
        <translation>参数名，例如 v_11</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/lessons.py" line="154"/>
        <location filename="../../bpgui/session/session_format.py" line="272"/>
        <source>a value the settings panel offers</source>
        <translation>设置面板提供的值</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/lessons.py" line="163"/>
        <location filename="../../bpgui/session/practice.py" line="249"/>
        <location filename="../../bpgui/session/session_format.py" line="254"/>
        <location filename="../../bpgui/session/session_format.py" line="350"/>
        <location filename="../../bpgui/session/session_format.py" line="405"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/lessons.py" line="178"/>
        <source>a built-in data set</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/lessons.py" line="182"/>
        <source>a parameter of the network, e.g. v_11</source>
        <translation>网络中的参数，例如 v_11</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/lessons.py" line="197"/>
        <source>a list of 1 to {limit} steps</source>
        <translation>包含 1 到 {limit} 步的列表</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="58"/>
        <source>{file}: nested too deeply to be a session file</source>
        <extracomment>A lesson&apos;s step builds its network on the window&apos;s thread: a teaching size. ... and trains its iterations there: at most this much work (parameters × samples per iteration × iterations, about half a second; the shipped lessons need at most a tenth of it).</extracomment>
        <translation>{file}：嵌套过深，不是会话文件</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="84"/>
        <source>{file}: not UTF-8 or GBK text</source>
        <translation>{file}：不是 UTF-8 或 GBK 文本</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="99"/>
        <source>{file}: the session&apos;s data file is gone and there is no folder to write its copy to</source>
        <translation>{file}：会话的数据文件已不存在，且没有可写入其副本的文件夹</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="113"/>
        <source>{source}: {key}: {problem}</source>
        <translation>{source}：{key}：{problem}</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="199"/>
        <location filename="../../bpgui/session/session_files.py" line="366"/>
        <source>{source}: {key}: expected less than {limit}, got {got}</source>
        <translation>{source}：{key}：应小于 {limit}，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="232"/>
        <source>steps: {steps} iterations of this network are too many for a lesson&apos;s step (at most about {most})</source>
        <translation>steps：对这个网络来说，{steps} 次迭代超出了课程一步所能计算的量（最多约 {most} 次）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="238"/>
        <source>select: the {shape} network has no parameter {name}; its names are {names}</source>
        <translation>select：{shape} 网络中没有参数 {name}；它的参数名为 {names}</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="284"/>
        <source>{file} changed since it was loaded: the session cannot keep the data it was trained on</source>
        <translation>{file} 在载入后已被修改：会话无法保存训练时所用的数据</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="72"/>
        <location filename="../../bpgui/session/session_files.py" line="380"/>
        <source>{file}: cannot be opened ({reason})</source>
        <translation>{file}：无法打开（{reason}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="228"/>
        <source>a lesson&apos;s network has at most {limit} parameters</source>
        <translation>课程中的网络最多有 {limit} 个参数</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="261"/>
        <source>a number &gt; 0</source>
        <translation>大于 0 的数</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="295"/>
        <source>a note bpgui writes</source>
        <extracomment>The error curve&apos;s notes a file may hold: the templates the app writes (see ``settings.change_labels``).</extracomment>
        <translation>bpgui 所写的标注</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="301"/>
        <source>a short list of words or whole numbers</source>
        <translation>由词语或整数组成的短列表</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="334"/>
        <source>a list of at most {limit} [index, value]</source>
        <translation>最多 {limit} 个 [序号, 值] 的列表</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="340"/>
        <source>[index, value]</source>
        <translation>[序号, 值]</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="372"/>
        <source>{source}: {key}: this file was written by a newer bpgui (version {got}); this one reads version {version}</source>
        <translation>{source}：{key}：此文件由较新的 bpgui 写入（版本 {got}）；本程序只能读取版本 {version}</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="384"/>
        <source>a built-in data set&apos;s name</source>
        <translation>内置数据集的名称</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="398"/>
        <source>hidden layers {hidden} as settings.hidden</source>
        <translation>与 settings.hidden 相同的隐层 {hidden}</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="411"/>
        <source>64 hexadecimal digits</source>
        <translation>64 位十六进制数字</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="424"/>
        <source>a list of 2 to {most} runs</source>
        <translation>含 2 到 {most} 个训练过程的列表</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="437"/>
        <source>a name of 1 to 40 characters, not used twice</source>
        <translation>1 到 40 个字符且不重复的名称</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="442"/>
        <source>a colour no other run has</source>
        <translation>其他训练过程未用的颜色</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="448"/>
        <source>null or [name, t]</source>
        <translation>null 或 [名称, t]</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="457"/>
        <source>settings.{name} of the run shown ({value})</source>
        <translation>与所显示训练过程相同的 settings.{name}（{value}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="464"/>
        <source>the layers of start.network</source>
        <translation>与 start.network 相同的各层</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="468"/>
        <source>the activation of its network ({value})</source>
        <translation>其网络的激活函数（{value}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="472"/>
        <source>the loss of its network ({value})</source>
        <translation>其网络的损失函数（{value}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_format.py" line="482"/>
        <source>exactly one run with &quot;shown&quot;: true</source>
        <translation>恰好一个带 &quot;shown&quot;: true 的训练过程</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout_pdf.py" line="134"/>
        <source>{file}: a worksheet is written as .pdf or .html</source>
        <translation>{file}：练习表只能保存为 .pdf 或 .html</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="230"/>
        <location filename="../../bpgui/session/practice.py" line="236"/>
        <location filename="../../bpgui/session/practice.py" line="252"/>
        <location filename="../../bpgui/session/session_format.py" line="316"/>
        <location filename="../../bpgui/session/session_format.py" line="322"/>
        <source>a list</source>
        <translation>一个列表</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="248"/>
        <source>a whole number ≥ 0</source>
        <translation>≥ 0 的整数</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="250"/>
        <location filename="../../bpgui/session/session_format.py" line="243"/>
        <source>a finite number</source>
        <translation>有限的数</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="251"/>
        <source>a finite number or null</source>
        <translation>有限的数或 null</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="253"/>
        <location filename="../../bpgui/session/session_format.py" line="391"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../bpgui/model/error_surface.py" line="72"/>
        <location filename="../../bpgui/session/exploring.py" line="227"/>
        <source>an error surface needs two different parameters of the network, got {p} and {q}</source>
        <extracomment>At most this many floats in one chunk&apos;s largest array (the grid points × samples × units of a layer).</extracomment>
        <translation>误差曲面需要网络中两个不同的参数，实际为 {p} 和 {q}</translation>
    </message>
    <message>
        <location filename="../../bpgui/controller/lessons.py" line="47"/>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="392"/>
        <source>there is no run {index}</source>
        <translation>没有第 {index} 个训练过程</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="397"/>
        <source>iteration {t} is not computed in both runs (0 to {end})</source>
        <translation>两个训练过程并未都计算到第 {t} 次迭代（可选 0 到 {end}）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/jobs.py" line="48"/>
        <source>The worker process stopped before the work was done (out of memory?); nothing was changed</source>
        <translation>后台进程在工作完成前停止了（内存不足？）；没有任何改动</translation>
    </message>
</context>
<context>
    <name>ExportSizeDialog</name>
    <message>
        <location filename="../../bpgui/views/dialogs.py" line="46"/>
        <source>Picture size</source>
        <extracomment>Export sizes offered first (full HD, HD, 4K), in pixels. The largest picture side accepted (16 × 4K&apos;s width would be hundreds of megabytes).</extracomment>
        <translation>图片大小</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/dialogs.py" line="51"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/dialogs.py" line="54"/>
        <source>As shown (%1 × %2)</source>
        <translation>与屏幕上相同（%1 × %2）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/dialogs.py" line="56"/>
        <source>Other size</source>
        <translation>其他大小</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/dialogs.py" line="62"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/dialogs.py" line="64"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/dialogs.py" line="65"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/dialogs.py" line="66"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
</context>
<context>
    <name>ForkDialog</name>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="67"/>
        <source>Fork here</source>
        <translation>从此处分叉</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="87"/>
        <source>Another activation starts the new run at t = 0 from the same initial weights</source>
        <translation>换用另一种激活函数时，新训练过程从 t = 0、以相同的初始权重开始</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="89"/>
        <source>From t = 0, the same initial weights</source>
        <translation>从 t = 0 开始，初始权重相同</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="94"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="103"/>
        <source>&amp;Fork</source>
        <translation>分叉(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="104"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="108"/>
        <source>A new run from the state shown (t = %1): change what should differ.</source>
        <translation>从当前显示的状态（t = %1）开始一个新的训练过程：修改你想要不同的设置。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="150"/>
        <source>The new run: %1, from t = %2.</source>
        <translation>新的训练过程：%1，从 t = %2 开始。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="153"/>
        <source>Same settings: a copy from t = %1, to edit a weight by hand next.</source>
        <translation>设置相同：从 t = %1 开始的副本，接下来可以手动修改某个权重。</translation>
    </message>
</context>
<context>
    <name>GradientTableModel</name>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="275"/>
        <source>%1: “%2” is not a finite number.</source>
        <translation>%1：“%2”不是有限数。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="277"/>
        <source>%1: “%2” is not a number.</source>
        <translation>%1：“%2”不是数字。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="412"/>
        <source>Above %1: this gradient and its finite-difference estimate disagree.</source>
        <translation>高于 %1：该梯度与其有限差分估计不一致。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="455"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="455"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="455"/>
        <source>From → To</source>
        <translation>起点 → 终点</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="455"/>
        <source>Value before</source>
        <translation>更新前</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="454"/>
        <source>∂E/∂p</source>
        <translation>∂E/∂p</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="456"/>
        <source>Δp</source>
        <translation>Δp</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="456"/>
        <source>Value after</source>
        <translation>更新后</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="454"/>
        <source>∂E/∂p (finite diff.)</source>
        <translation>∂E/∂p（有限差分）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="452"/>
        <source>∂Eₖ/∂p</source>
        <translation>∂Eₖ/∂p</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="452"/>
        <source>∂Eₖ/∂p (finite diff.)</source>
        <translation>∂Eₖ/∂p（有限差分）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="456"/>
        <source>rel. error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="460"/>
        <source>The parameter p in the note&apos;s notation</source>
        <translation>参数 p，采用笔记中的记号</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="461"/>
        <source>Layer after the input the parameter belongs to (1 = first hidden layer)</source>
        <translation>参数所属的层，从输入层之后算起（1 = 第一隐层）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="462"/>
        <source>Unit in the layer before → unit in this layer (— for a threshold)</source>
        <translation>前一层的单元 → 本层的单元（阈值记为 —）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="463"/>
        <source>p before this iteration&apos;s update</source>
        <translation>本次迭代更新前的 p</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="464"/>
        <source>∂Eₖ/∂p: gradient of this sample&apos;s error Eₖ, from the parameters before the update</source>
        <translation>∂Eₖ/∂p：本样本误差 Eₖ 的梯度，按更新前的参数计算</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="466"/>
        <source>∂E/∂p = (1/B) Σₖ ∂Eₖ/∂p: gradient of the batch&apos;s mean error, from the parameters before the update</source>
        <translation>∂E/∂p = (1/B) Σₖ ∂Eₖ/∂p：这一批平均误差的梯度，按更新前的参数计算</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="468"/>
        <source>Δp = −η ∂E/∂p: the change gradient descent applies</source>
        <translation>Δp = −η ∂E/∂p：梯度下降施加的改变量</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="469"/>
        <source>p + Δp: the value after the update</source>
        <translation>p + Δp：更新后的值</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="470"/>
        <source>∂E/∂p estimated from the error alone: a central difference of E around p (the gradient check)</source>
        <translation>仅由误差估计的 ∂E/∂p：E 在 p 附近的中心差分（梯度检验）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="472"/>
        <source>|∂E/∂p − estimate| / max(|∂E/∂p|, |estimate|, 10⁻⁶); above %1 it is highlighted: the two disagree</source>
        <translation>|∂E/∂p − 估计值| / max(|∂E/∂p|, |估计值|, 10⁻⁶)；超过 %1 时高亮：二者不一致</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="478"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="480"/>
        <source>output</source>
        <translation>输出层神经元</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="481"/>
        <source>hidden</source>
        <translation>隐层神经元</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="488"/>
        <source>threshold of {target_role} {target}</source>
        <translation>{target_role} {target} 的阈值</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table_model.py" line="491"/>
        <source>weight from {source_role} {source} to {target_role} {target}</source>
        <translation>从{source_role} {source} 到{target_role} {target} 的权重</translation>
    </message>
</context>
<context>
    <name>GradientTableView</name>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="315"/>
        <source>%1 of %2 parameters checked</source>
        <translation>已检验 %2 个参数中的 %1 个</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="317"/>
        <source>largest relative error %1 (%2), leaving out the rounding noise of %5 zero gradient(s); %3 of %4 parameters checked</source>
        <translation>最大相对误差 %1（%2），未计入 %5 个零梯度的舍入噪声；已检验 %4 个参数中的 %3 个</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="319"/>
        <source>largest relative error %1 (%2); %3 of %4 parameters checked</source>
        <translation>最大相对误差 %1（%2）；已检验 %4 个参数中的 %3 个</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="333"/>
        <source>Relative errors above %1 are highlighted.</source>
        <translation>高于 %1 的相对误差会高亮显示。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="336"/>
        <source>An exactly-zero ∂E/∂p whose estimate is below %1 is rounding noise, not counted as the largest error (here: %2).</source>
        <translation>∂E/∂p 恰为 0 且估计值小于 %1 时属于舍入噪声，不计为最大误差（此处共 %2 个）。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="457"/>
        <location filename="../../bpgui/views/gradient_table.py" line="581"/>
        <source>All layers</source>
        <translation>所有层</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="459"/>
        <location filename="../../bpgui/views/gradient_table.py" line="583"/>
        <source>Layer {number}</source>
        <translation>第 {number} 层</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="579"/>
        <source>Show one layer&apos;s parameters</source>
        <translation>只显示某一层的参数</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="584"/>
        <source>Show weights, thresholds or both</source>
        <translation>显示权重、阈值或两者</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="585"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="585"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="585"/>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="587"/>
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="588"/>
        <source>Show the parameters whose name contains this text</source>
        <translation>显示名称中包含此文本的参数</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="589"/>
        <source>Type a name as shown or plainly: %1</source>
        <translation>可按表中写法或简写输入：%1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="590"/>
        <source>&amp;Digits:</source>
        <translation>有效位数(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="591"/>
        <source>Significant digits shown (hover a number for all of them)</source>
        <translation>显示的有效数字位数（鼠标悬停在数字上可查看全部位数）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="592"/>
        <location filename="../../bpgui/views/gradient_table.py" line="595"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/gradient_table.py" line="594"/>
        <source>Copy the selected rows, or every shown row, as tab-separated text at full precision</source>
        <translation>以全精度、制表符分隔的文本复制所选的行（未选择时复制所有显示的行）</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <location filename="../../bpgui/views/handout.py" line="67"/>
        <source>Forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="67"/>
        <source>Error</source>
        <translation>误差</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="68"/>
        <source>Backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="68"/>
        <source>Gradients and updates</source>
        <translation>梯度与更新量</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="69"/>
        <source>New values</source>
        <translation>更新后的值</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="73"/>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="73"/>
        <source>With the numbers</source>
        <translation>代入数值</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="73"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="154"/>
        <location filename="../../bpgui/views/handout_pdf.py" line="145"/>
        <source>Backpropagation worksheet</source>
        <translation>反向传播练习表</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="175"/>
        <source>Network %1, %2, loss: %3, learning rate η = %4. Numbers to %5 significant digits.</source>
        <translation>网络 %1，%2，损失函数：%3，学习率 η = %4。数值保留 %5 位有效数字。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="181"/>
        <source>Fill in every empty cell: the formula with its numbers, then the value. The answer key is on the last pages.</source>
        <translation>填写每个空格：先写代入数值的公式，再写结果。答案在最后几页。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="186"/>
        <source>The network with the weights and thresholds iteration %1 starts from.</source>
        <translation>网络及第 %1 次迭代开始时的权重和阈值。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="193"/>
        <source>In every layer: %1 (%2).</source>
        <translation>所有层：%1（%2）。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="198"/>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="200"/>
        <source>hidden layer %1</source>
        <translation>第 %1 隐层</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="201"/>
        <source>In the %1: %2 (%3).</source>
        <translation>%1：%2（%3）。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="209"/>
        <source>Iteration t = %1, sample k = %2</source>
        <translation>第 t = %1 次迭代，样本 k = %2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="211"/>
        <source>(the first of a batch of %1)</source>
        <translation>（一批 %1 个样本中的第一个）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="224"/>
        <source>Given</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="243"/>
        <source>The network is large: only the cells on the path of %1.</source>
        <translation>网络较大：只列出 %1 所在路径上的格子。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="246"/>
        <source>Its weights and thresholds are in the network file and in the app&apos;s table.</source>
        <translation>其权重和阈值见网络文件及程序中的表格。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="250"/>
        <source>The weights and thresholds are iteration %1&apos;s new values.</source>
        <translation>权重和阈值为第 %1 次迭代更新后的值。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="272"/>
        <source>Answer key</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="276"/>
        <source>Iteration t = %1</source>
        <translation>第 t = %1 次迭代</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout_export.py" line="31"/>
        <source>Export worksheet</source>
        <translation>导出练习表</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout_export.py" line="32"/>
        <source>Worksheets (*.pdf *.html)</source>
        <translation>练习表 (*.pdf *.html)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout_export.py" line="43"/>
        <source>A planted bug changes the numbers: Practice → Remove the bug first, then export the worksheet.</source>
        <translation>埋入的错误会改变数值：请先“练习 → 移除错误”，再导出练习表。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout_export.py" line="60"/>
        <source>Worksheet of iteration %1 written to %2.</source>
        <translation>第 %1 次迭代的练习表已写入 %2。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../bpgui/views/main_window.py" line="99"/>
        <source>bpgui — backpropagation, step by step</source>
        <translation>bpgui — 逐步演示反向传播</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_window.py" line="133"/>
        <source>Error curve</source>
        <translation>误差曲线</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_window.py" line="134"/>
        <source>What it learned</source>
        <translation>学到了什么</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_window.py" line="136"/>
        <source>Surface</source>
        <translation>误差曲面</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_window.py" line="174"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="152"/>
        <source>&amp;Step</source>
        <extracomment>Run&apos;s first speed: a class can follow about ten iterations a second (the learner&apos;s choice is remembered).</extracomment>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="153"/>
        <source>One iteration: one sample, one pass or one batch</source>
        <translation>一次迭代：一个样本、遍历一次训练集或一个小批量</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="155"/>
        <source>Step &amp;epoch</source>
        <translation>单轮(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="156"/>
        <source>Iterate to the end of the epoch</source>
        <translation>迭代到本轮结束</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="158"/>
        <location filename="../../bpgui/views/main_window.py" line="441"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="159"/>
        <source>Run / pause</source>
        <translation>运行 / 暂停</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="161"/>
        <source>Step &amp;back</source>
        <translation>后退一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="162"/>
        <source>Undo one iteration, exactly</source>
        <translation>精确撤销一次迭代</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="164"/>
        <source>Rese&amp;t</source>
        <translation>重置(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="165"/>
        <source>Back to iteration 0: its weights (with any you set there by hand) and the settings shown</source>
        <translation>回到第 0 次迭代：其权重（包括你在那里手动设置的）和当前显示的设置</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="168"/>
        <source>Step &amp;phase</source>
        <translation>单步阶段(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="169"/>
        <source>The next phase of the iteration: forward, error, gradients, update</source>
        <translation>本次迭代的下一个阶段：前向、误差、梯度、更新</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="171"/>
        <source>Phase bac&amp;k</source>
        <translation>阶段后退(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="172"/>
        <source>The previous phase, inside an iteration too</source>
        <translation>上一个阶段，也可在一次迭代内部后退</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="174"/>
        <source>Pla&amp;y phases</source>
        <translation>播放阶段(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="175"/>
        <source>Animate the phases, one after another</source>
        <translation>以动画逐个播放各阶段</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="177"/>
        <source>&amp;Gradient check column</source>
        <translation>梯度检验列(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="178"/>
        <source>Estimate every ∂E/∂p by finite differences on this iteration&apos;s sample and show the relative error</source>
        <translation>在本次迭代的样本上用有限差分估计每个 ∂E/∂p，并显示相对误差</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="181"/>
        <source>Follow one &amp;output at a time</source>
        <translation>每次跟踪一个输出(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="182"/>
        <source>Backward phases take the outputs one by one, as the note draws them: each hidden unit is reached l times</source>
        <translation>反向阶段逐个处理各输出，与笔记的图示一致：每个隐层神经元会被到达 l 次</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="185"/>
        <source>&amp;Worksheet…</source>
        <translation>练习表(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="188"/>
        <source>&amp;Predict before each phase</source>
        <translation>每个阶段前先预测(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="189"/>
        <source>Step phase first asks you to predict a value the phase will show</source>
        <translation>单步阶段前，先请你预测该阶段将显示的一个值</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="192"/>
        <source>Find the &amp;bug: plant one</source>
        <translation>找错误(&amp;B)：埋入一个</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="193"/>
        <source>Train from iteration 0 with one wrong rule in the backward pass (which one is for you to find); the real run is kept</source>
        <translation>从第 0 次迭代起，用一条错误规则的反向传播训练（是哪一条由你来找）；正确的训练过程会被保留</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="195"/>
        <source>&amp;Name the bug…</source>
        <translation>指出错误(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="196"/>
        <source>&amp;Remove the bug</source>
        <translation>移除错误(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="197"/>
        <source>Back to the real backward pass and the run as it was</source>
        <translation>回到正确的反向传播和原来的训练过程</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="208"/>
        <source>&amp;Import CSV data…</source>
        <translation>导入 CSV 数据(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="209"/>
        <source>Export &amp;table as CSV…</source>
        <translation>将表格导出为 CSV(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="211"/>
        <source>Export &amp;network picture (PNG/SVG)…</source>
        <translation>导出网络图片 (PNG/SVG)(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="213"/>
        <source>Export error &amp;curve (PNG/SVG)…</source>
        <translation>导出误差曲线 (PNG/SVG)(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="215"/>
        <source>Export &amp;worksheet (PDF/HTML)…</source>
        <translation>导出练习表（PDF/HTML）(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="217"/>
        <source>The iteration shown laid out in the note&apos;s notation, every number filled in</source>
        <translation>用讲义的记号排出当前显示的迭代，所有数值都已填好</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="219"/>
        <source>Export &amp;blank worksheet with answer key…</source>
        <translation>导出空白练习表及答案(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="221"/>
        <source>Export &amp;map picture (PNG/SVG)…</source>
        <translation>导出“学到了什么”图片 (PNG/SVG)(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="223"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="224"/>
        <source>Show &amp;values on the network</source>
        <translation>在网络上显示数值(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="227"/>
        <source>Thresholds as a −1 &amp;dummy input</source>
        <translation>阈值显示为 −1 哑结点输入(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="230"/>
        <source>For data with two inputs, draw each hidden and output unit&apos;s output over the input plane inside its circle</source>
        <translation>对于有两个输入的数据，在每个隐层和输出层神经元的圆圈内画出它在输入平面上的输出</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="234"/>
        <source>&amp;Fit network to view</source>
        <translation>缩放网络以适合视图(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="235"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="236"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="237"/>
        <source>&amp;About bpgui</source>
        <translation>关于 bpgui(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="238"/>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="239"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="240"/>
        <source>Open &amp;lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="241"/>
        <source>&amp;Fork here…</source>
        <translation>从此处分叉(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="242"/>
        <source>A second run from the state shown, with other settings, compared side by side in the Runs panel</source>
        <translation>从当前显示的状态开始第二个训练过程，使用其他设置，并在“训练过程”面板中并排比较</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="245"/>
        <source>&amp;Undo edit</source>
        <translation>撤销编辑(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="246"/>
        <source>Undo the last weight or threshold you set by hand, or a setting change that dropped the recorded future (which comes back)</source>
        <translation>撤销你上一次手动设置的权重或阈值，或撤销丢弃了已记录的后续迭代的设置更改（后续迭代会恢复）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="258"/>
        <source>Full screen, large text, high contrast: the network, the chain rule and the error curve, with t, Eₖ and E in large type</source>
        <translation>全屏、大字、高对比度：显示网络、链式法则和误差曲线，并以大字显示 t、Eₖ 和 E</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="368"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="407"/>
        <source>&amp;Practice</source>
        <translation>练习(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="409"/>
        <source>What to predi&amp;ct</source>
        <translation>预测什么(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="414"/>
        <source>Plant a &amp;chosen bug (teacher)</source>
        <translation>埋入指定的错误（教师）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="450"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="464"/>
        <source>The value</source>
        <translation>预测数值</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="464"/>
        <source>Its sign (+, −, 0)</source>
        <translation>预测符号（+、−、0）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="465"/>
        <source>Bigger or smaller than before (&gt;, &lt;, =)</source>
        <translation>比上次大还是小（&gt;、&lt;、=）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="466"/>
        <source>Each value in turn</source>
        <translation>依次预测各个值</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="466"/>
        <source>Only αₕ, βⱼ</source>
        <translation>只预测 αₕ、βⱼ</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="467"/>
        <source>Only bₕ, ŷⱼ</source>
        <translation>只预测 bₕ、ŷⱼ</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="467"/>
        <source>Only Eₖ</source>
        <translation>只预测 Eₖ</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="468"/>
        <source>Only gⱼ</source>
        <translation>只预测 gⱼ</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="468"/>
        <source>Only eₕ</source>
        <translation>只预测 eₕ</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="469"/>
        <source>Only ∂Eₖ/∂p</source>
        <translation>只预测 ∂Eₖ/∂p</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="469"/>
        <source>Only Δp</source>
        <translation>只预测 Δp</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="470"/>
        <source>Only the new weights and thresholds, p + Δp</source>
        <translation>只预测更新后的权值和阈值 p + Δp</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="490"/>
        <source>Text &amp;size</source>
        <translation>文字大小(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="495"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="508"/>
        <source>Digi&amp;ts</source>
        <translation>有效位数(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="509"/>
        <source>Significant digits of every number shown (files keep every digit)</source>
        <translation>所显示的每个数的有效位数（文件保留全部位数）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="514"/>
        <source>%1 significant digits</source>
        <translation>%1 位有效数字</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_area.py" line="51"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_area.py" line="52"/>
        <source>Stop the slow work and change nothing; a file being saved is always finished</source>
        <translation>停止耗时的工作，不做任何改动；正在保存的文件总会保存完</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="288"/>
        <source>Training</source>
        <extracomment>The toolbar&apos;s actions and their icons.</extracomment>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="358"/>
        <source>Run</source>
        <extracomment>The buttons that keep their text longest as the window narrows (the most used first).</extracomment>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="358"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="298"/>
        <source> Speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="186"/>
        <source>Compute the next iteration yourself, cell by cell, checked as you press Enter</source>
        <translation>自己动手计算下一次迭代，逐格填写，按回车即检查</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="199"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="200"/>
        <source>Open a session, a network or a CSV data file</source>
        <translation>打开会话、网络或 CSV 数据文件</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="201"/>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="202"/>
        <source>The whole run: settings, data, network, changes and the iteration shown</source>
        <translation>完整的训练过程：设置、数据、网络、改动和当前显示的迭代</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="204"/>
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="206"/>
        <source>Open &amp;network…</source>
        <translation>打开网络(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="207"/>
        <source>Save net&amp;work…</source>
        <translation>保存网络(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="229"/>
        <source>What each unit &amp;learned, inside it</source>
        <translation>在每个神经元内显示它学到了什么(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="250"/>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="252"/>
        <source>S&amp;maller text</source>
        <translation>缩小文字(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="254"/>
        <source>&amp;Normal text size</source>
        <translation>正常文字大小(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="257"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="260"/>
        <source>Leave presentation mode</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="310"/>
        <source> Seed </source>
        <translation> 随机种子 </translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="313"/>
        <source>Every random choice (initial weights, sample order, split) follows this seed</source>
        <translation>所有随机选择（初始权重、样本顺序、训练集/测试集划分）都由该随机种子决定</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="365"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="382"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="384"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="393"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="419"/>
        <source>E&amp;xamples</source>
        <translation>示例(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="421"/>
        <source>The note&apos;s XOR network (2-2-1, standard BP)</source>
        <translation>笔记中的 XOR 网络（2-2-1，标准BP算法）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="422"/>
        <source>Exercise 5.5: watermelon 3.0, standard vs accumulated BP</source>
        <translation>习题 5.5：西瓜数据集 3.0，标准BP与累积BP对比</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="423"/>
        <source>Exercise 5.5: watermelon 3.0α, standard vs accumulated BP</source>
        <translation>习题 5.5：西瓜数据集 3.0α，标准BP与累积BP对比</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="432"/>
        <source>Perceptron: %1</source>
        <translation>感知机：%1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="437"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="440"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_menus.py" line="447"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_practice.py" line="64"/>
        <source>Perceptron: one M-P neuron</source>
        <translation>感知机：一个 M-P 神经元</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_practice.py" line="93"/>
        <source>Not that one. Look again: which numbers disagree?</source>
        <translation>不是这一个。再看看：哪些数对不上？</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_practice.py" line="119"/>
        <source>The note&apos;s 2-2-1 network on XOR: press Run and watch it learn what one neuron could not.</source>
        <translation>笔记中解决 XOR 的 2-2-1 网络：按“运行”，看它学会单个神经元学不会的东西。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_window.py" line="416"/>
        <source>Set a parameter</source>
        <translation>设置参数</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_window.py" line="416"/>
        <source>New value of %1:</source>
        <translation>%1 的新值：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="23"/>
        <source>E per pass (before its update)</source>
        <translation>每遍的 E（更新前）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="25"/>
        <source>batch error per iteration</source>
        <translation>每次迭代的批误差</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="32"/>
        <location filename="../../bpgui/views/status_text.py" line="63"/>
        <source>sample k = %1</source>
        <translation>样本 k = %1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="34"/>
        <source>a batch of %1 samples (the first is drawn)</source>
        <translation>一批 %1 个样本（图中画的是第一个）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="36"/>
        <source>Iteration %2 will use %1: drawn with the weights it will start from.</source>
        <translation>第 %2 次迭代将使用%1：图中为它开始时的权重。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="38"/>
        <source>Iteration %2 used %1: drawn with the weights it used (before its update).</source>
        <translation>第 %2 次迭代使用了%1：图中是它所用的权重（更新前）。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_window.py" line="441"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_view.py" line="63"/>
        <source>bpgui</source>
        <translation>bpgui</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_window.py" line="460"/>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_window.py" line="460"/>
        <source>%1/s</source>
        <translation>%1 次/秒</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/presentation.py" line="104"/>
        <source>E of the pass</source>
        <translation>本遍的 E</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/presentation.py" line="109"/>
        <location filename="../../bpgui/views/status_text.py" line="56"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/presentation.py" line="112"/>
        <source>E = %1</source>
        <translation>E = %1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/presentation.py" line="114"/>
        <source>E at the end of epoch %1</source>
        <translation>第 %1 轮结束时的 E</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="26"/>
        <source>Eₖ per iteration</source>
        <translation>每次迭代的 Eₖ</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="58"/>
        <source>iteration %1 in phases</source>
        <translation>正在分阶段演示第 %1 次迭代</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="60"/>
        <source> (of %1; stepped back)</source>
        <translation>（共 %1，已后退）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="61"/>
        <source>epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="65"/>
        <source>batch of %1</source>
        <translation>一批 %1 个</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="69"/>
        <source>E of pass %1</source>
        <translation>第 %1 遍的 E</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/presentation.py" line="106"/>
        <location filename="../../bpgui/views/status_text.py" line="72"/>
        <source>batch E</source>
        <translation>批误差 E</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="75"/>
        <source>E (end of epoch %1) = %2</source>
        <translation>E（第 %1 轮结束时）= %2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="78"/>
        <source>accuracy %1%</source>
        <translation>准确率 %1%</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/status_text.py" line="80"/>
        <source>test E = %1</source>
        <translation>测试集 E = %1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_files.py" line="29"/>
        <source>Open network</source>
        <translation>打开网络</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_files.py" line="30"/>
        <location filename="../../bpgui/views/main_files.py" line="37"/>
        <location filename="../../bpgui/views/session_menu.py" line="147"/>
        <source>bpgui network (*.json)</source>
        <translation>bpgui 网络 (*.json)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_files.py" line="36"/>
        <source>Save network</source>
        <translation>保存网络</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_files.py" line="43"/>
        <source>Import CSV data</source>
        <translation>导入 CSV 数据</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_files.py" line="44"/>
        <location filename="../../bpgui/views/main_files.py" line="62"/>
        <location filename="../../bpgui/views/session_menu.py" line="148"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_files.py" line="61"/>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_files.py" line="102"/>
        <source>Export network picture</source>
        <translation>导出网络图片</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_files.py" line="104"/>
        <source>Export map picture</source>
        <translation>导出“学到了什么”图片</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_files.py" line="106"/>
        <source>Images (*.png *.svg)</source>
        <translation>图像 (*.png *.svg)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_files.py" line="103"/>
        <source>Export error curve</source>
        <translation>导出误差曲线</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/about_dialog.py" line="38"/>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/about_dialog.py" line="45"/>
        <source>About bpgui</source>
        <translation>关于 bpgui</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/about_dialog.py" line="35"/>
        <source>bpgui teaches backpropagation by letting you watch it and step through it, in the notation of Zhou Zhihua&apos;s Machine Learning, chapter 5.</source>
        <extracomment>The icon&apos;s edge in the About box, in device-independent pixels.</extracomment>
        <translation>bpgui 让你观察反向传播算法并逐步执行它，以此来讲解该算法，所用记号与周志华《机器学习》第 5 章一致。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/preferences.py" line="52"/>
        <source>The remembered settings could not be read and were replaced by the defaults.</source>
        <translation>无法读取上次保存的设置，已改用默认设置。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/dock_title.py" line="27"/>
        <source>Float or dock the settings</source>
        <translation>浮动或停靠设置面板</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/dock_title.py" line="32"/>
        <source>Hide the settings</source>
        <translation>隐藏设置面板</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/main_view.py" line="132"/>
        <source>The settings panel folded away to give the network room at this text size: View → Settings brings it back.</source>
        <translation>为了在此文字大小下给网络图留出空间，设置面板已收起：“视图 → 设置”可重新打开。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/lesson_panel.py" line="145"/>
        <source>◀ &amp;Back</source>
        <translation>◀ 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/lesson_panel.py" line="146"/>
        <source>&amp;Next ▶</source>
        <translation>下一步(&amp;N) ▶</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/lesson_panel.py" line="147"/>
        <source>Start this step &amp;again</source>
        <translation>重新开始这一步(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/lesson_panel.py" line="148"/>
        <source>This step as the lesson sets it; what you did here is forgotten</source>
        <translation>按课程的设定重新开始这一步；你在这一步中的操作会被丢弃</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/lesson_panel.py" line="161"/>
        <source>The lesson is closed: your own run from before it is back.</source>
        <translation>课程已关闭：你在课程之前的训练过程已恢复。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/lesson_panel.py" line="177"/>
        <source>Lesson %1/%2</source>
        <translation>课程 %1/%2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/lesson_panel.py" line="179"/>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步（共 %2 步）：%3</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/lesson_panel.py" line="272"/>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/lesson_panel.py" line="273"/>
        <source>bpgui lessons (*.json)</source>
        <translation>bpgui 课程 (*.json)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/session_menu.py" line="60"/>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/session_menu.py" line="74"/>
        <source>%1 is not a bpgui session, network, lesson or CSV file.</source>
        <translation>%1 不是 bpgui 的会话、网络、课程或 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/session_menu.py" line="144"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/session_menu.py" line="145"/>
        <source>bpgui files (*.bpgui *.json *.csv)</source>
        <translation>bpgui 文件 (*.bpgui *.json *.csv)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/session_menu.py" line="146"/>
        <location filename="../../bpgui/views/session_menu.py" line="159"/>
        <source>bpgui sessions (*.bpgui)</source>
        <translation>bpgui 会话 (*.bpgui)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/session_menu.py" line="157"/>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/session_menu.py" line="186"/>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/session_menu.py" line="190"/>
        <source>&amp;Clear the list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
</context>
<context>
    <name>PerceptronLab</name>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="46"/>
        <source>converged: the starting weights already classify every point correctly</source>
        <translation>已收敛：初始权重已能把每个点都分类正确</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="48"/>
        <source>converged after 1 iteration: every point is classified correctly</source>
        <translation>经过 1 次迭代后收敛：每个点都分类正确</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="50"/>
        <source>converged after %1 iterations: every point is classified correctly</source>
        <translation>经过 %1 次迭代后收敛：每个点都分类正确</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="55"/>
        <source>the weights have returned to those of iteration %1: the rule cycles for ever — XOR is not linearly separable</source>
        <translation>权重回到了第 %1 次迭代时的值：该规则将永远循环下去 —— XOR 不是线性可分的</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="61"/>
        <source>the weights have returned to those of iteration %1: the rule cycles for ever</source>
        <translation>权重回到了第 %1 次迭代时的值：该规则将永远循环下去</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="66"/>
        <source>not converged yet: 1 point is classified wrongly</source>
        <translation>尚未收敛：有 1 个点分类错误</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="67"/>
        <source>not converged yet: %1 points are classified wrongly</source>
        <translation>尚未收敛：有 %1 个点分类错误</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="437"/>
        <source>x&lt;sub&gt;1&lt;/sub&gt;</source>
        <translation>x&lt;sub&gt;1&lt;/sub&gt;</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="438"/>
        <source>x&lt;sub&gt;2&lt;/sub&gt;</source>
        <translation>x&lt;sub&gt;2&lt;/sub&gt;</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="461"/>
        <source>ŷ = 1 everywhere</source>
        <translation>处处 ŷ = 1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="461"/>
        <source>ŷ = 0 everywhere</source>
        <translation>处处 ŷ = 0</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="464"/>
        <source>no boundary yet: W = 0</source>
        <translation>尚无决策边界：W = 0</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="471"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="471"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="502"/>
        <source>&amp;Problem:</source>
        <translation>问题(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="503"/>
        <source>AND</source>
        <translation>与（AND）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="503"/>
        <source>OR</source>
        <translation>或（OR）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="503"/>
        <source>NOT</source>
        <translation>非（NOT）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="503"/>
        <source>XOR</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="505"/>
        <source>The truth table the neuron learns</source>
        <translation>神经元要学习的真值表</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="506"/>
        <source>R&amp;ule:</source>
        <translation>规则(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="507"/>
        <source>batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="508"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="510"/>
        <source>The note&apos;s rule: W(t+1) = W(t) + η Σ (y − ŷ) x over all of D, once per step</source>
        <translation>笔记中的规则：W(t+1) = W(t) + η Σ (y − ŷ) x，对整个 D 求和，每步一次</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="514"/>
        <source>Rosenblatt&apos;s: the correction η (y − ŷ) x after each sample, one pass over D per step</source>
        <translation>Rosenblatt 规则：每个样本之后施加修正 η (y − ŷ) x，每步遍历 D 一次</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="517"/>
        <source>batch: the note&apos;s rule over all of D; online: after each sample</source>
        <translation>批量：笔记中的规则，对整个 D 求和；在线：每个样本之后修正</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="518"/>
        <source>&amp;η:</source>
        <translation>&amp;η:</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="519"/>
        <source>The learning rate η (changing it starts again from W = 0, θ = 0)</source>
        <translation>学习率 η（修改它会从 W = 0, θ = 0 重新开始）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="520"/>
        <source>Step &amp;back</source>
        <translation>后退一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="521"/>
        <source>Undo the last step exactly</source>
        <translation>精确撤销上一步</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="522"/>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="523"/>
        <source>Apply the rule once</source>
        <translation>应用一次规则</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="526"/>
        <source>Step about four times a second until convergence, a cycle or %1 steps; press again to pause</source>
        <translation>每秒约执行四步，直到收敛、出现循环或达到 %1 步；再按一次则暂停</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="530"/>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="531"/>
        <source>Start again from W = 0, θ = 0</source>
        <translation>从 W = 0, θ = 0 重新开始</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="532"/>
        <source>Solve XOR with a hidden layer (2-2-1)</source>
        <translation>用隐层解决 XOR（2-2-1）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="533"/>
        <source>Switch to the note&apos;s two-layer network x → h → y on XOR</source>
        <translation>切换到笔记中解决 XOR 的两层网络 x → h → y</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="534"/>
        <source>Input plane with the data points and the decision line</source>
        <translation>输入平面，含数据点与决策线</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab.py" line="535"/>
        <source>Perceptron state and the last step&apos;s numbers</source>
        <translation>感知机状态与上一步的数值</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="79"/>
        <source>Iteration t = %1</source>
        <translation>迭代 t = %1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="75"/>
        <source>batch rule</source>
        <translation>批量规则</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="76"/>
        <source>online rule</source>
        <translation>在线规则</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="81"/>
        <source>η = %1</source>
        <translation>η = %1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="84"/>
        <source>W&lt;sub&gt;1&lt;/sub&gt; = %1, &amp;nbsp;θ = %2</source>
        <translation>W&lt;sub&gt;1&lt;/sub&gt; = %1, &amp;nbsp;θ = %2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="87"/>
        <source>W = (W&lt;sub&gt;1&lt;/sub&gt;, W&lt;sub&gt;2&lt;/sub&gt;) = %1, &amp;nbsp;θ = %2</source>
        <translation>W = (W&lt;sub&gt;1&lt;/sub&gt;, W&lt;sub&gt;2&lt;/sub&gt;) = %1, &amp;nbsp;θ = %2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="94"/>
        <source>No step yet. With these weights (the first step uses them):</source>
        <translation>尚未执行任何一步。当前权重如下（第一步将使用它们）：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="100"/>
        <source>&lt;b&gt;Last step&lt;/b&gt; (t = %1 → %2), from W = %3, θ = %4:</source>
        <translation>&lt;b&gt;上一步&lt;/b&gt;（t = %1 → %2），从 W = %3, θ = %4 出发：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="121"/>
        <source>x&lt;sub&gt;%1&lt;/sub&gt;</source>
        <translation>x&lt;sub&gt;%1&lt;/sub&gt;</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="123"/>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="123"/>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="124"/>
        <source>ŷ</source>
        <translation>ŷ</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="124"/>
        <source>y − ŷ</source>
        <translation>y − ŷ</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="136"/>
        <source>z = W·x − θ, &amp;nbsp;ŷ = f(z), &amp;nbsp;f(z) = 1 if z ≥ 0 else 0</source>
        <translation>z = W·x − θ, &amp;nbsp;ŷ = f(z), &amp;nbsp;z ≥ 0 时 f(z) = 1，否则 f(z) = 0</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="147"/>
        <source>ΔW = η Σ (y − ŷ) x = %1 · [%2] = %3</source>
        <translation>ΔW = η Σ (y − ŷ) x = %1 · [%2] = %3</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="151"/>
        <source>Δθ = η Σ (y − ŷ)·(−1) = %1 · (%2)·(−1) = %3</source>
        <translation>Δθ = η Σ (y − ŷ)·(−1) = %1 · (%2)·(−1) = %3</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="156"/>
        <source>Online: W ← W + η (y − ŷ) x after each sample; over the pass:</source>
        <translation>在线：每个样本之后 W ← W + η (y − ŷ) x；整遍累计：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="157"/>
        <source>W(t+1) = %1, &amp;nbsp;θ(t+1) = %2</source>
        <translation>W(t+1) = %1, &amp;nbsp;θ(t+1) = %2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="167"/>
        <source>● filled: y = 1, ○ hollow: y = 0</source>
        <translation>● 实心：y = 1，○ 空心：y = 0</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="168"/>
        <source>%1 blue: classified correctly, %2 vermillion: wrongly</source>
        <translation>%1 蓝色：分类正确，%2 朱红色：分类错误</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/perceptron_lab_text.py" line="169"/>
        <source>%1 shaded: the side where ŷ = 1</source>
        <translation>%1 阴影：ŷ = 1 的一侧</translation>
    </message>
</context>
<context>
    <name>PhaseText</name>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="38"/>
        <source>sample k = %1</source>
        <translation>样本 k = %1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="40"/>
        <source>a batch of %1, the first drawn</source>
        <translation>一批 %1 个样本，图中为第一个</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="41"/>
        <source>Iteration %1 (%4), phase %2 of %3</source>
        <translation>第 %1 次迭代（%4），阶段 %2/%3</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="47"/>
        <source>forward to the output layer: %1, %2</source>
        <translation>前向传播到输出层：%1，%2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="49"/>
        <source>forward to the hidden layer: %1, %2</source>
        <translation>前向传播到隐层：%1，%2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="51"/>
        <source>forward to hidden layer %1: %2, %3</source>
        <translation>前向传播到第 %1 隐层：%2，%3</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="53"/>
        <source>the error over the batch: %1, %2 = %3</source>
        <translation>这一批的误差：%1，%2 = %3</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="56"/>
        <source>the error %1 = %2</source>
        <translation>误差 %1 = %2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="59"/>
        <source>the error (cross-entropy) %1 = %2</source>
        <translation>误差（交叉熵）%1 = %2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="67"/>
        <source>output gradients: %1; %2, %3</source>
        <translation>输出层梯度：%1；%2，%3</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="70"/>
        <source>output gradients for output j = %1: %2; %3, %4</source>
        <translation>输出 j = %1 的输出层梯度：%2；%3，%4</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="76"/>
        <source>output j = %1 reaches every hidden unit (%1 of %2): %3 gains %4</source>
        <translation>输出 j = %1 传到每个隐层神经元（第 %1 个输出，共 %2 个）：%3 累加 %4</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="83"/>
        <source>into the hidden units: %1; %2; %3, %4</source>
        <translation>传入隐层神经元：%1；%2；%3，%4</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="85"/>
        <source>back into hidden layer %1: %2; %3; %4, %5</source>
        <translation>反向传入第 %1 隐层：%2；%3；%4，%5</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="91"/>
        <source>update, all parameters at once: p ← p + Δp, %1 with η = %2. The links and thresholds now show the new values; the units still show the pass just made. Next: iteration %3 starts forward again.</source>
        <translation>更新（所有参数同时更新）：p ← p + Δp，%1，其中学习率 η = %2。连接和阈值显示的已是新值；神经元上仍是刚才这次前向传播的值。下一步：第 %3 次迭代重新从前向传播开始。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/phase_text.py" line="96"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>PredictBar</name>
    <message>
        <location filename="../../bpgui/views/predict_bar.py" line="51"/>
        <source>your prediction</source>
        <translation>你的预测</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/predict_bar.py" line="55"/>
        <source>&amp;Reveal</source>
        <translation>揭晓(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/predict_bar.py" line="57"/>
        <source>S&amp;kip</source>
        <translation>跳过(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/predict_bar.py" line="117"/>
        <source>Predict the sign of %1 (+, − or 0) before this phase shows it:</source>
        <translation>在本阶段显示之前，预测 %1 的符号（+、− 或 0）：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/predict_bar.py" line="119"/>
        <source>Will %1 be bigger (&gt;), smaller (&lt;) or the same (=) as at iteration %2 (%3)?</source>
        <translation>%1 会比第 %2 次迭代时（%3）更大（&gt;）、更小（&lt;）还是相同（=）？</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/predict_bar.py" line="123"/>
        <source>Predict %1 before this phase shows it:</source>
        <translation>在本阶段显示之前，预测 %1：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/predict_bar.py" line="128"/>
        <source>Press Step phase: you predict a value before the phase shows it.</source>
        <translation>按“单步阶段”：在阶段显示之前先预测一个值。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/predict_bar.py" line="146"/>
        <source>Predictions: %1 of %2 right</source>
        <translation>预测：%2 次中对 %1 次</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/predict_bar.py" line="165"/>
        <source>You said %1; it is %2 (gap %3).</source>
        <translation>你的预测是 %1；实际是 %2（相差 %3）。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/predict_bar.py" line="168"/>
        <source>You said %1; it is %2.</source>
        <translation>你的预测是 %1；实际是 %2。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/predict_bar.py" line="171"/>
        <source>(the real rule; the network shows %1: a bug?)</source>
        <translation>（这是正确规则的结果；网络上显示的是 %1：有错误？）</translation>
    </message>
</context>
<context>
    <name>RunRow</name>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="106"/>
        <source>Show this run: the whole window follows it</source>
        <translation>显示这个训练过程：整个窗口随之切换</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="109"/>
        <source>The run&apos;s name: type to rename it</source>
        <translation>训练过程的名称：输入即可重命名</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="118"/>
        <source>Close this run</source>
        <translation>关闭这个训练过程</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="157"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="158"/>
        <source>t = %1 of %2</source>
        <translation>t = %1 / %2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="159"/>
        <source>The iteration this run shows, of those it has computed</source>
        <translation>这个训练过程当前显示的迭代 / 已计算到的迭代</translation>
    </message>
</context>
<context>
    <name>RunsDock</name>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="196"/>
        <source>Fork here…</source>
        <translation>从此处分叉…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="197"/>
        <source>A new run from the state shown, with the settings you choose</source>
        <translation>从当前显示的状态开始一个新的训练过程，使用你选择的设置</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="198"/>
        <source>Train all to epoch</source>
        <translation>全部训练至轮数</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="199"/>
        <source>Train every run to the same epoch, side by side</source>
        <translation>把每个训练过程都训练到同一轮，并排比较</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="325"/>
        <location filename="../../bpgui/views/runs_panel.py" line="454"/>
        <source>Runs</source>
        <translation>训练过程</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="362"/>
        <source>Parameters of two runs at the same t: fork the run first.</source>
        <translation>两个训练过程在同一 t 处的参数：请先分叉出一个训练过程。</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="70"/>
        <source>η = %1, %2</source>
        <translation>η = %1，%2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="73"/>
        <source>same settings from t = %1</source>
        <translation>设置相同，从 t = %1 开始</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_panel.py" line="74"/>
        <source>%1 from t = %2</source>
        <translation>%1，从 t = %2 开始</translation>
    </message>
</context>
<context>
    <name>RunsPlot</name>
    <message>
        <location filename="../../bpgui/views/runs_plot.py" line="67"/>
        <source>by iteration</source>
        <extracomment>A run&apos;s colour by its palette index 0..3: Okabe &amp; Ito&apos;s blue, vermillion, bluish green, reddish purple. …and its dash, so the runs stay apart in grey too.</extracomment>
        <translation>按迭代</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_plot.py" line="68"/>
        <source>by epoch</source>
        <translation>按轮</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_plot.py" line="69"/>
        <source>Line the runs up by iteration t or by epoch</source>
        <translation>按迭代次数 t 或按轮数对齐各训练过程</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_plot.py" line="70"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_plot.py" line="78"/>
        <source>Each run&apos;s E after every finished epoch, in the run&apos;s colour; ▲ where a fork began</source>
        <translation>每个训练过程在每轮结束时的 E，用该训练过程的颜色绘制；▲ 表示分叉开始处</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_plot.py" line="187"/>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_plot.py" line="188"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_plot.py" line="188"/>
        <source>iteration t</source>
        <translation>迭代 t</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="59"/>
        <source>A built-in data set, or a CSV file you imported</source>
        <translation>内置数据集，或你导入的 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="60"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="61"/>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="65"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="66"/>
        <source>classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="67"/>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="68"/>
        <source>How a CSV file&apos;s label column is read: automatic takes whole numbers with at most 20 distinct values as classes</source>
        <translation>CSV 文件的标签列如何读取：自动时，不超过 20 个不同取值的整数按类别读取</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="70"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="76"/>
        <source>Fraction of the samples held out as a test set (0: none)</source>
        <translation>留作测试集的样本比例（0：不划分测试集）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="77"/>
        <source>Test split</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="80"/>
        <source>Hidden layer sizes: 4 for one layer, 8,4 for two; empty for none</source>
        <translation>各隐层的神经元数：一个隐层填 4，两个隐层填 8,4；留空表示没有隐层</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="81"/>
        <source>Hidden layers</source>
        <translation>隐层</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="78"/>
        <location filename="../../bpgui/views/runs_fork.py" line="51"/>
        <location filename="../../bpgui/views/settings_panel.py" line="84"/>
        <source>sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="78"/>
        <location filename="../../bpgui/views/runs_fork.py" line="51"/>
        <location filename="../../bpgui/views/settings_panel.py" line="84"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="79"/>
        <location filename="../../bpgui/views/runs_fork.py" line="52"/>
        <location filename="../../bpgui/views/settings_panel.py" line="84"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="79"/>
        <location filename="../../bpgui/views/runs_fork.py" line="52"/>
        <location filename="../../bpgui/views/settings_panel.py" line="85"/>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="99"/>
        <location filename="../../bpgui/views/settings_panel.py" line="87"/>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="91"/>
        <location filename="../../bpgui/views/settings_panel.py" line="90"/>
        <source>squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="91"/>
        <source>squared error: Eₖ = ½ Σ_j (y_j − ŷ_j)², the note&apos;s
cross-entropy: for sigmoid outputs</source>
        <translation>均方误差：Eₖ = ½ Σ_j (y_j − ŷ_j)²，即笔记所用的误差
交叉熵：适用于 Sigmoid 输出</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="100"/>
        <source>standard BP: update after every sample (the note&apos;s rule)
accumulated BP: one update per pass, on E = (1/m) Σ Eₖ
mini-batch: one update per B samples</source>
        <translation>标准BP算法：每个样本之后更新一次（笔记中的规则）
累积BP算法：每遍历一次训练集更新一次，基于 E = (1/m) Σ Eₖ
小批量：每 B 个样本更新一次</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="92"/>
        <location filename="../../bpgui/views/settings_panel.py" line="93"/>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="94"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="84"/>
        <location filename="../../bpgui/views/runs_fork.py" line="45"/>
        <location filename="../../bpgui/views/settings_panel.py" line="97"/>
        <source>standard BP</source>
        <translation>标准BP算法</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="85"/>
        <location filename="../../bpgui/views/runs_fork.py" line="46"/>
        <location filename="../../bpgui/views/settings_panel.py" line="98"/>
        <source>accumulated BP</source>
        <translation>累积BP算法</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/handout.py" line="86"/>
        <location filename="../../bpgui/views/runs_fork.py" line="47"/>
        <location filename="../../bpgui/views/settings_panel.py" line="99"/>
        <source>mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="96"/>
        <location filename="../../bpgui/views/settings_panel.py" line="103"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="97"/>
        <location filename="../../bpgui/views/settings_panel.py" line="107"/>
        <source>Batch size B</source>
        <translation>批大小 B</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="110"/>
        <source>The learning rate η; it applies from the next iteration</source>
        <translation>学习率 η；从下一次迭代起生效</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="95"/>
        <location filename="../../bpgui/views/settings_panel.py" line="111"/>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="80"/>
        <location filename="../../bpgui/views/settings_panel.py" line="113"/>
        <source>Shuffle every epoch</source>
        <translation>每轮打乱样本顺序</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="117"/>
        <source>uniform</source>
        <translation>均匀分布</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="118"/>
        <source>Xavier/Glorot</source>
        <translation>Xavier/Glorot</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="119"/>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="122"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="123"/>
        <source>Run stops once the epoch error E reaches this</source>
        <translation>每轮的误差 E 达到此值后停止运行</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="124"/>
        <source>Stop at E ≤</source>
        <translation>停止条件 E ≤</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="128"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="129"/>
        <source>Max epochs</source>
        <translation>最大轮数</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="124"/>
        <location filename="../../bpgui/views/settings_panel.py" line="267"/>
        <source>The learning rate η must be a number, got “%1”.</source>
        <translation>学习率 η 必须是数字，而输入的是“%1”。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/runs_fork.py" line="126"/>
        <location filename="../../bpgui/views/settings_panel.py" line="270"/>
        <source>The learning rate η must be a positive number, got %1.</source>
        <translation>学习率 η 必须是正数，而输入的是 %1。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/settings_panel.py" line="281"/>
        <source>The target error must be a number (or empty for none), got “%1”.</source>
        <translation>目标误差必须是数字（或留空表示不设），而输入的是“%1”。</translation>
    </message>
</context>
<context>
    <name>SurfacePanel</name>
    <message>
        <location filename="../../bpgui/views/surface_panel.py" line="321"/>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/surface_panel.py" line="394"/>
        <source>A slice: the other %1 parameters are held at their values now. Since the path began they have moved by ‖Δ‖ = %2 (the largest single move %3), so the path need not follow this map&apos;s valleys.</source>
        <translation>这是一个切片：其余 %1 个参数固定在它们现在的值。自路径开始以来，它们已移动了 ‖Δ‖ = %2（单个参数的最大移动为 %3），所以路径不一定沿着这张图的谷底走。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/surface_panel.py" line="398"/>
        <source>Now (t = %1): %2 = %3. Arrow: the next step, iteration %8&apos;s (Δ%4, Δ%5) = (%6, %7), −η times the two partial derivatives.</source>
        <translation>现在（t = %1）：%2 = %3。箭头：下一步，即第 %8 次迭代的 (Δ%4, Δ%5) = (%6, %7)，为 −η 乘以这两个偏导数。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/surface_panel.py" line="411"/>
        <source>They are derivatives of Eₖ, the error of sample k = %1 alone, which the next iteration steps down, not of the E drawn: the arrow need not point downhill here (choose Eₖ to see its map).</source>
        <translation>这两个偏导数是 Eₖ（仅样本 k = %1 的误差，下一次迭代沿它下降）的，而不是图中 E 的：箭头在这里不一定指向下坡（选择 Eₖ 可看它的图）。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/surface_panel.py" line="415"/>
        <source>They are derivatives of E over all samples (the next iteration&apos;s batch is the whole training set), not of the Eₖ drawn: the arrow need not point downhill here.</source>
        <translation>这两个偏导数是全部样本上的 E（下一次迭代的批量就是整个训练集）的，而不是图中 Eₖ 的：箭头在这里不一定指向下坡。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/surface_panel.py" line="417"/>
        <source>They are derivatives of the mean error of the next mini-batch (%1 samples), not of the error drawn: the arrow need not point downhill here.</source>
        <translation>这两个偏导数是下一个小批量（%1 个样本）平均误差的，而不是图中误差的：箭头在这里不一定指向下坡。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/surface_panel.py" line="421"/>
        <source>Across:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/surface_panel.py" line="422"/>
        <source>Up:</source>
        <translation>纵轴：</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/surface_panel.py" line="426"/>
        <source>E: all training samples</source>
        <translation>E：全部训练样本</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/surface_panel.py" line="427"/>
        <source>Eₖ: the next sample only</source>
        <translation>Eₖ：仅下一次迭代的样本</translation>
    </message>
</context>
<context>
    <name>TopologyView</name>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="61"/>
        <source>⋯ %1 more</source>
        <translation>⋯ 另有 %1 个</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="65"/>
        <source>Dummy input fixed at −1: its weights are the thresholds</source>
        <translation>固定为 −1 的哑结点输入：它的权重就是阈值</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="128"/>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="134"/>
        <source>output unit</source>
        <translation>输出层神经元</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="135"/>
        <source>hidden unit</source>
        <translation>隐层神经元</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="154"/>
        <source>target %1 = %2</source>
        <translation>目标 %1 = %2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="166"/>
        <source>(first sample of a batch of %1)</source>
        <translation>（%1 个样本的批中的第一个样本）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="186"/>
        <source>threshold (weight of the dummy input −1)</source>
        <translation>阈值（哑结点输入 −1 的权重）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="189"/>
        <source>weight %1 → %2</source>
        <translation>权重 %1 → %2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="196"/>
        <source>%1 = %2 (used by iteration %3)</source>
        <translation>%1 = %2（第 %3 次迭代所用）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="208"/>
        <source>%1 after the update = %2</source>
        <translation>更新后 %1 = %2</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="250"/>
        <source>selected</source>
        <translation>选中</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="252"/>
        <source>chain-rule path</source>
        <translation>链式法则路径</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="260"/>
        <source>Too many links to label: click a unit to see its links.</source>
        <translation>连接太多，无法全部标注：点击一个单元查看其连接的数值。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="263"/>
        <source>Some labels are hidden: click a unit to see its values.</source>
        <translation>部分标签已隐藏：点击一个单元查看其数值。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_text.py" line="266"/>
        <source>Drag to see the rest.</source>
        <translation>拖动以查看其余部分。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_badges.py" line="58"/>
        <source>%1 (used)</source>
        <translation>%1（本次所用）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/topology_legend.py" line="99"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../../bpgui/session/settings.py" line="152"/>
        <source>data set</source>
        <extracomment>Settings whose change needs a new network (and so a reset); the others apply from the current iteration on. How each structural setting is named when a change re-initialises the network.</extracomment>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="153"/>
        <source>test split</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="154"/>
        <source>hidden layers</source>
        <translation>隐层</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="155"/>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="156"/>
        <source>loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="157"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="158"/>
        <source>initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="159"/>
        <source>label type</source>
        <translation>标签类型</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="172"/>
        <source>η = %1</source>
        <translation>η = %1</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="176"/>
        <source>B = %1</source>
        <translation>B = %1</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="178"/>
        <source>shuffled</source>
        <translation>打乱顺序</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="179"/>
        <source>in file order</source>
        <translation>按文件顺序</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="181"/>
        <source>no target E</source>
        <translation>无目标 E</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="183"/>
        <source>stop at E ≤ %1</source>
        <translation>E ≤ %1 时停止</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="186"/>
        <source>no epoch limit</source>
        <translation>不限轮数</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="188"/>
        <source>at most %1 epochs</source>
        <translation>最多 %1 轮</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="195"/>
        <source>standard BP</source>
        <extracomment>How a training mode is named where a change is marked.</extracomment>
        <translation>标准BP算法</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="196"/>
        <source>accumulated BP</source>
        <translation>累积BP算法</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="197"/>
        <source>mini-batch BP</source>
        <translation>小批量BP算法</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="302"/>
        <source>activation sigmoid</source>
        <extracomment>The Examples menu: network, data and settings in one click. What a structural fork changed, as the runs list says it (a session file keeps these templates).</extracomment>
        <translation>激活函数 Sigmoid</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="303"/>
        <source>activation tanh</source>
        <translation>激活函数 tanh</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="304"/>
        <source>activation ReLU</source>
        <translation>激活函数 ReLU</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="305"/>
        <source>activation linear</source>
        <translation>激活函数 线性</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="306"/>
        <source>loss: squared error</source>
        <translation>损失：均方误差</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/settings.py" line="307"/>
        <source>loss: cross-entropy</source>
        <translation>损失：交叉熵</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="200"/>
        <source>The network was re-initialised (iteration 0) because these settings changed: %1</source>
        <translation>以下设置已更改，网络已重新初始化（第 0 次迭代）：%1</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="236"/>
        <source>Iterations %1 to %2 were discarded: training continues from t = %3 with the new settings.</source>
        <translation>第 %1 至 %2 次迭代已丢弃：使用新设置从 t = %3 继续训练。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="240"/>
        <source>The new mode starts a new epoch at t = %1.</source>
        <translation>新模式在 t = %1 开始新的一轮。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/phasing.py" line="76"/>
        <location filename="../../bpgui/session/training.py" line="314"/>
        <source>Already at iteration 0.</source>
        <translation>已经处于第 0 次迭代。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/core.py" line="352"/>
        <source>Training diverged: iteration %1 made the error or a parameter infinite with η = %2, so it was not applied and Run paused at t = %3, the last finite iteration. Try a smaller learning rate, such as η = %4, then Reset.</source>
        <translation>训练发散：第 %1 次迭代在 η = %2 时使误差或某个参数变为无穷大，因此未被应用，运行已在最后一个有限的迭代 t = %3 处暂停。请尝试更小的学习率，例如 η = %4，然后重置。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/core.py" line="385"/>
        <source>Stopped: the error E reached the target %1.</source>
        <translation>已停止：误差 E 已达到目标 %1。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/core.py" line="388"/>
        <source>Stopped: the maximum number of epochs (%1) is reached.</source>
        <translation>已停止：已达到最大轮数（%1）。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="160"/>
        <source>Building the network was stopped; the settings in force are shown again.</source>
        <translation>网络构建已停止；重新显示当前生效的设置。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="166"/>
        <source>Building the network…</source>
        <translation>正在构建网络…</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="232"/>
        <source>Iteration %1 was discarded: training continues from t = %2 with the new settings.</source>
        <translation>第 %1 次迭代已丢弃：使用新设置从 t = %2 继续训练。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="300"/>
        <source>To the end of the epoch: %1 iterations, shown as they go (Pause stops).</source>
        <translation>前往本轮末尾：共 %1 次迭代，边算边显示（按“暂停”可停止）。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="335"/>
        <source>Back to iteration 0&apos;s weights, with the settings shown.</source>
        <translation>已回到第 0 次迭代的权重，并使用当前显示的设置。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="369"/>
        <source>Finish or leave the iteration&apos;s phases before editing %1.</source>
        <translation>请先完成或退出本次迭代的阶段演示，再编辑 %1。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="395"/>
        <source>%1 set to %2; iteration %3 was discarded.</source>
        <translation>%1 已设为 %2；第 %3 次迭代已丢弃。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="399"/>
        <source>%1 set to %2; iterations %3 to %4 were discarded.</source>
        <translation>%1 已设为 %2；第 %3 至 %4 次迭代已丢弃。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="403"/>
        <source>%1 set to %2.</source>
        <translation>%1 已设为 %2。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="412"/>
        <source>There is no edit at this iteration to undo.</source>
        <translation>此次迭代没有可撤销的编辑。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="424"/>
        <source>Setting change undone; iteration %1 is back.</source>
        <translation>已撤销设置更改；第 %1 次迭代已恢复。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="427"/>
        <source>Setting change undone; iterations %1 to %2 are back.</source>
        <translation>已撤销设置更改；第 %1 到 %2 次迭代已恢复。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="434"/>
        <source>Edit undone: %1 is %2 again.</source>
        <translation>已撤销编辑：%1 恢复为 %2。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="438"/>
        <source>Edit undone: %1 is %2 again; iteration %3 is back.</source>
        <translation>已撤销编辑：%1 恢复为 %2；第 %3 次迭代已恢复。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/training.py" line="442"/>
        <source>Edit undone: %1 is %2 again; iterations %3 to %4 are back.</source>
        <translation>已撤销编辑：%1 恢复为 %2；第 %3 到 %4 次迭代已恢复。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/writing.py" line="250"/>
        <source>Opened %1: a %2 network, at iteration 0.</source>
        <translation>已打开 %1：%2 网络，处于第 0 次迭代。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/jobs.py" line="164"/>
        <source>Checking the gradients…</source>
        <translation>正在进行梯度检验…</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/run_loop.py" line="141"/>
        <source>At the end of epoch %1 (t = %2).</source>
        <translation>已到第 %1 轮末尾（t = %2）。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="42"/>
        <source>f′ is left out: the delta needs the slope of the unit&apos;s activation (for the sigmoid, ŷⱼ(1 − ŷⱼ) or bₕ(1 − bₕ)).</source>
        <translation>漏掉了 f′：梯度项需要乘以该单元激活函数的导数（对 Sigmoid 是 ŷⱼ(1 − ŷⱼ) 或 bₕ(1 − bₕ)）。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="45"/>
        <source>eₕ used the already updated wₕⱼ: the backward pass uses the weights of the forward pass, before any update.</source>
        <translation>eₕ 用了已经更新过的 wₕⱼ：反向传播应使用前向传播时的权值，即更新之前的值。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="49"/>
        <source>The wrong end of the weight: ∂Eₖ/∂vᵢₕ takes xᵢ (the input it comes from), not bₕ; ∂Eₖ/∂wₕⱼ takes bₕ, not ŷⱼ.</source>
        <translation>用错了连接权的一端：∂Eₖ/∂vᵢₕ 乘的是 xᵢ（它来自的输入），不是 bₕ；∂Eₖ/∂wₕⱼ 乘的是 bₕ，不是 ŷⱼ。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="38"/>
        <source>The update&apos;s sign is flipped: the update goes down the gradient, Δp = −η ∂E/∂p.</source>
        <translation>更新的符号反了：更新应沿梯度下降，Δp = −η ∂E/∂p。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="40"/>
        <source>The gradient&apos;s sign is flipped: ∂Eₖ/∂wₕⱼ = −gⱼ bₕ and ∂Eₖ/∂vᵢₕ = −eₕ xᵢ.</source>
        <translation>梯度的符号反了：∂Eₖ/∂wₕⱼ = −gⱼ bₕ，∂Eₖ/∂vᵢₕ = −eₕ xᵢ。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="52"/>
        <source>The threshold is added instead of subtracted: bₕ = f(αₕ − γₕ), ŷⱼ = f(βⱼ − θⱼ), and so ∂Eₖ/∂γₕ = +eₕ, ∂Eₖ/∂θⱼ = +gⱼ.</source>
        <translation>阈值被加上而不是减去：bₕ = f(αₕ − γₕ)，ŷⱼ = f(βⱼ − θⱼ)，因此 ∂Eₖ/∂γₕ = +eₕ，∂Eₖ/∂θⱼ = +gⱼ。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="55"/>
        <source>The ½ of Eₖ is kept: it only cancels the 2 of the square&apos;s derivative, so gⱼ has no ½.</source>
        <translation>保留了 Eₖ 中的 ½：它只是用来抵消平方求导得到的 2，所以 gⱼ 中没有 ½。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="61"/>
        <source>f′ dropped: the deltas leave out the slope of the activation</source>
        <translation>漏掉 f′：梯度项没有乘激活函数的导数</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="63"/>
        <source>The update&apos;s sign flipped: Δp = +η ∂E/∂p</source>
        <translation>更新的符号反了：Δp = +η ∂E/∂p</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="64"/>
        <source>eₕ computed with the already updated wₕⱼ</source>
        <translation>用已经更新过的 wₕⱼ 计算 eₕ</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="65"/>
        <source>The thresholds&apos; gradients with their sign flipped</source>
        <translation>阈值的梯度符号反了</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="67"/>
        <source>η applied twice: Δp = −η·η ∂E/∂p</source>
        <translation>η 乘了两次：Δp = −η·η ∂E/∂p</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="68"/>
        <source>The hidden sum over the wrong index: every eₕ sums all of the next layer&apos;s weights</source>
        <translation>隐层求和用错了下标：每个 eₕ 都对下一层的全部权值求和</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practice.py" line="48"/>
        <source>η is forgotten: the update is Δp = −η ∂E/∂p.</source>
        <translation>忘了乘 η：更新量是 Δp = −η ∂E/∂p。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practising.py" line="186"/>
        <source>On this network and data this bug changes nothing: nothing would show it.</source>
        <translation>在这个网络和数据上，这个错误不改变任何结果：没有什么能显示出它。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/practising.py" line="197"/>
        <source>A bug is planted in the backward pass, from iteration 0: find it.</source>
        <translation>反向传播中已埋入一个错误，从第 0 次迭代开始：把它找出来。</translation>
    </message>
    <message>
        <location filename="../../bpgui/controller/training.py" line="331"/>
        <source>Pause first: Run moves the iteration on.</source>
        <translation>请先暂停：运行时迭代会不断前进。</translation>
    </message>
    <message>
        <location filename="../../bpgui/controller/training.py" line="337"/>
        <source>That cell is not on the worksheet now.</source>
        <translation>这一格现在已不在练习表上。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/writing.py" line="103"/>
        <source>Exporting the table…</source>
        <translation>正在导出表格…</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/writing.py" line="104"/>
        <source>Copying the table…</source>
        <translation>正在复制表格…</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/writing.py" line="105"/>
        <source>Reading the network file…</source>
        <translation>正在读取网络文件…</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/writing.py" line="170"/>
        <source>Session saved to %1 (iteration %2).</source>
        <translation>会话已保存到 %1（第 %2 次迭代）。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/writing.py" line="187"/>
        <source>Network saved to %1.</source>
        <translation>网络已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/writing.py" line="197"/>
        <source>Table exported to %1.</source>
        <translation>表格已导出到 %1。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/writing.py" line="212"/>
        <source>%1 rows of the table copied.</source>
        <translation>已复制表格的 %1 行。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="52"/>
        <source>Reading the session file…</source>
        <extracomment>A replay expected to take longer than this runs as a job (the window draws on; Cancel changes nothing).</extracomment>
        <translation>正在读取会话文件…</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="336"/>
        <source>Opened %1, but its replay gave other numbers than the file records: the file was edited, or this machine&apos;s arithmetic differs from the one that saved it.</source>
        <translation>已打开 %1，但重算得到的数值与文件记录的不同：文件被修改过，或者本机的运算与保存它的机器不同。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="342"/>
        <source>Opened session %1 at iteration %2.</source>
        <translation>已打开会话 %1，位于第 %2 次迭代。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="386"/>
        <source>Replaying the session to iteration %1…</source>
        <translation>正在重算会话至第 %1 次迭代…</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/session_files.py" line="391"/>
        <source>Opening the session was stopped; nothing changed.</source>
        <translation>已停止打开会话；没有任何改变。</translation>
    </message>
    <message>
        <location filename="../../bpgui/controller/lessons.py" line="74"/>
        <source>Your run cannot be kept while the lesson goes on (its data file changed on disk): closing the lesson will not bring it back.</source>
        <translation>课程进行期间无法保留你的训练过程（它的数据文件在磁盘上已被修改）：关闭课程后不会恢复它。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/exploring.py" line="215"/>
        <source>Computing the error surface…</source>
        <translation>正在计算误差曲面…</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="211"/>
        <location filename="../../bpgui/session/forking.py" line="470"/>
        <source>Remove the planted bug before forking the run.</source>
        <extracomment>The structural settings a fork may change: the parameters keep their shape, so the initial weights stay.</extracomment>
        <translation>请先移除埋入的错误，再分叉训练过程。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="214"/>
        <location filename="../../bpgui/session/forking.py" line="474"/>
        <source>At most %1 runs side by side: close one first.</source>
        <translation>最多并排 %1 个训练过程：请先关闭一个。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="225"/>
        <source>A fork keeps the data and the initial weights, so it cannot change: %1. Change it in the settings for a new run instead.</source>
        <translation>分叉会保留数据和初始权重，因此不能更改：%1。请改在设置中更改它，开始一个新的训练过程。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="266"/>
        <source>Run %1 forked from run %2 at t = %3.</source>
        <translation>训练过程 %1 已在 t = %3 处从训练过程 %2 分叉。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="278"/>
        <source>Remove the planted bug before showing another run.</source>
        <translation>请先移除埋入的错误，再显示另一个训练过程。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="292"/>
        <source>Remove the planted bug before closing this run.</source>
        <translation>请先移除埋入的错误，再关闭这个训练过程。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="314"/>
        <source>There is already a run named %1.</source>
        <translation>已有名为 %1 的训练过程。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="327"/>
        <source>The other runs (%1) were closed: they belonged to the network replaced.</source>
        <translation>其他训练过程（%1）已关闭：它们属于被替换的网络。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="374"/>
        <source>No run has reached its target error yet.</source>
        <translation>还没有训练过程达到其目标误差。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="379"/>
        <source>%1 at t = %2 (epoch %3)</source>
        <translation>%1 在 t = %2（第 %3 轮）</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="381"/>
        <source>%1 not yet</source>
        <translation>%1 尚未达到</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="383"/>
        <source>%1 reached the target error first: at t = %2 (epoch %3); %4.</source>
        <translation>%1 最先达到目标误差：在 t = %2（第 %3 轮）；%4。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="410"/>
        <source>Comparing the runs&apos; parameters…</source>
        <translation>正在比较各训练过程的参数…</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="421"/>
        <source>Remove the planted bug before training the runs side by side.</source>
        <translation>请先移除植入的错误，再并排训练各训练过程。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="428"/>
        <source>Every run has finished epoch %1 already: nothing to train.</source>
        <translation>每个训练过程都已完成第 %1 轮：无需训练。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="449"/>
        <source>Run %1 diverged at iteration %2 (the error or a parameter became infinite): it stopped at t = %3, the last finite iteration.</source>
        <translation>训练过程 %1 在第 %2 次迭代发散（误差或某个参数变为无穷大）：它停在 t = %3，即最后一次有限的迭代。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="454"/>
        <source>Training the runs side by side…</source>
        <translation>正在并排训练各训练过程…</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/forking.py" line="459"/>
        <source>Training the runs side by side was stopped or left (a run moved meanwhile): nothing changed.</source>
        <translation>并排训练已停止或被放弃（期间有训练过程发生了变化）：没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/messages.py" line="25"/>
        <source>, </source>
        <extracomment>The translation context of the session&apos;s sentences (the controller&apos;s, where they were first written). Between the items of a list in a sentence (Chinese: 、).</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/writing.py" line="101"/>
        <source>Saving the network…</source>
        <translation>正在保存网络…</translation>
    </message>
    <message>
        <location filename="../../bpgui/session/writing.py" line="102"/>
        <source>Saving the session…</source>
        <translation>正在保存会话…</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="43"/>
        <source>The network</source>
        <extracomment>The note&apos;s d-q-l network: one hidden layer, sigmoid units, squared error (the letters, not the sizes, show). What a glossary row without a formula shows in its formula cell. A formula (or a key list, a heading) in a table cell: on one line, the lines of a cell close together.</extracomment>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="44"/>
        <source>The drawing in the middle shows the inputs xᵢ on the left, the hidden units bₕ and the outputs ŷⱼ, each unit&apos;s value under it and its net input and threshold above it once the forward pass reaches it; the target yⱼ stands beside ŷⱼ. Blue is a positive weight and an output near its top, vermillion a negative weight and an output near its bottom; a thicker link is a larger weight. Hover a unit or a link for every digit, click it to select its parameter, double-click it to set its value; the mouse wheel zooms and a drag pans.</source>
        <translation>中间的图左边是输入 xᵢ，然后是隐层单元 bₕ 和输出 ŷⱼ；每个单元下方是它的值，前向传播到达后，上方是它的输入和阈值；目标 yⱼ 在 ŷⱼ 旁边。蓝色表示正权重和接近上限的输出，朱红色表示负权重和接近下限的输出；连线越粗，权重越大。把鼠标停在单元或连线上可看到全部位数，单击可选中其参数，双击可设定其值；滚轮缩放，拖动平移。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="51"/>
        <source>The caption</source>
        <translation>说明行</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="52"/>
        <source>The line above the drawing says which iteration is shown and which sample it used. During Step phase it names the phase and the formulas that phase computes, and the drawing lights what it computes.</source>
        <translation>图上方的一行说明显示的是第几次迭代、用了哪个样本。单步阶段时，它写出当前阶段及该阶段计算的公式，图中也会点亮它所计算的部分。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="55"/>
        <source>The settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="56"/>
        <source>The panel on the left chooses the data (a built-in set or a CSV file), the test split, the hidden layers, the activation, the loss, the mode (standard BP updates after each sample, accumulated BP after each pass over the data, mini-batch after each batch), the learning rate η and when to stop. A new η, mode or stop condition applies from the next iteration; new hidden layers start a new network. Reset goes back to iteration 0.</source>
        <translation>左侧面板选择数据（内置数据集或 CSV 文件）、测试集比例、隐层、激活函数、损失函数、模式（标准BP每个样本后更新，累积BP遍历一遍数据后更新，小批量BP每批后更新）、学习率 η 及停止条件。新的 η、模式或停止条件从下一次迭代起生效；改变隐层会建立新网络。重置回到第 0 次迭代。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="62"/>
        <source>The error curve</source>
        <translation>误差曲线</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="63"/>
        <source>The first tab on the right plots the error of each iteration in grey and the error of each epoch in blue, against iterations or epochs, on a linear or a logarithmic scale. Point at a curve to read its value; a mark on it shows where a setting changed.</source>
        <translation>右侧第一个标签页以灰色画出每次迭代的误差、以蓝色画出每轮的误差，横轴为迭代次数或轮数，纵轴可选线性或对数坐标。指向曲线可读出数值；曲线上的标记表示设置改变之处。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="66"/>
        <source>What it learned</source>
        <translation>学到了什么</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="67"/>
        <source>For data with two inputs, the second tab colours the input plane by the network&apos;s output, with the samples on top and the misclassified ones circled, and shows beside it what each hidden unit learned.</source>
        <translation>对有两个输入的数据，第二个标签页按网络的输出给输入平面着色，样本画在上面，分错的样本用圆圈标出，旁边显示每个隐层单元学到了什么。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="70"/>
        <source>The gradient table</source>
        <translation>梯度表</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="71"/>
        <source>The table at the bottom lists every weight and threshold: its name, its layer and link, its value before the iteration, its gradient, its update and its value after. Filter it by layer, kind or name; Digits sets the significant digits of every number on screen; Copy copies the rows at full precision. Double-click a value to change it. View → Gradient check column adds each gradient estimated by finite differences.</source>
        <translation>底部的表格列出每个权重和阈值：名称、所在层和连线、本次迭代前的值、梯度、更新量和更新后的值。可按层、种类或名称筛选；“有效位数”设定屏幕上所有数字的有效位数；“复制”以全精度复制各行。双击某个值可修改它。“视图 → 梯度检验列”会加上用有限差分估计的梯度。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="76"/>
        <source>The chain rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="77"/>
        <source>The panel under the error curve derives the gradient of the selected parameter factor by factor with this iteration&apos;s numbers, then its update. Select a weight or a threshold by clicking a link, a unit or a row of the table; the paths from the error to it light up on the network, and pointing at a factor lights the unit or link it comes from.</source>
        <translation>误差曲线下方的面板用本次迭代的数值逐个因子推导所选参数的梯度，再给出其更新量。单击连线、单元或表格中的一行即可选中一个权重或阈值；从误差到它的路径会在网络上点亮，指向某个因子会点亮它所来自的单元或连线。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="82"/>
        <source>The status bar</source>
        <translation>状态栏</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="83"/>
        <source>The bottom line counts the iterations made (t) and the epochs, names the sample, and gives its error, the error of the last epoch and the accuracy.</source>
        <translation>最下面一行给出已做的迭代次数 (t) 和轮数、当前样本，以及它的误差、上一轮的误差和准确率。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="85"/>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="86"/>
        <source>The Practice menu turns watching into doing. Predict before each phase asks you for a value before Step phase shows it; Worksheet has you compute the next iteration cell by cell; Find the bug plants one wrong rule in the backward pass for you to find. Every answer is checked against the formulas the chain-rule panel shows.</source>
        <translation>“练习”菜单让你从观看变为动手。“每个阶段前先预测”在单步阶段显示某个值之前先请你预测它；“练习表”让你逐格计算下一次迭代；“找错误”在反向传播中埋入一条错误的规则让你找出来。每个答案都按链式法则面板所示的公式核对。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="90"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="91"/>
        <source>Help → Lessons opens a guided lesson in a tab beside the settings: each step sets up the network and the view and says what to look at. Back and Next move between the steps, each as you left it; closing the lesson brings back your own run. File → Save session keeps a whole run in one file, and File → Open opens a session, a network, a lesson or a CSV file.</source>
        <translation>“帮助 → 课程”在设置旁边的标签页中打开一节引导课程：每一步都会设置好网络和视图，并说明该看什么。“上一步”和“下一步”在各步之间移动，每一步都保持你离开时的样子；关闭课程后会恢复你自己的训练过程。“文件 → 保存会话”把整个训练过程存入一个文件，“文件 → 打开”可打开会话、网络、课程或 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="117"/>
        <source>On its link, and in a row of the gradient table.</source>
        <translation>在它的连线上，以及梯度表的一行中。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="118"/>
        <source>Above its unit, once the forward pass reaches it.</source>
        <translation>前向传播到达后，在其单元上方。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="119"/>
        <source>Above its unit, and in a row of the gradient table.</source>
        <translation>在其单元上方，以及梯度表的一行中。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="120"/>
        <source>Under its unit.</source>
        <translation>在其单元下方。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="121"/>
        <source>Under its unit and in the chain-rule panel, once the backward pass reaches it.</source>
        <translation>反向传播到达后，在其单元下方和链式法则面板中。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="122"/>
        <source>The mean error over a batch of B samples, which accumulated and mini-batch BP descend; over an epoch, the blue curve.</source>
        <translation>一批 B 个样本上的平均误差，累积BP和小批量BP沿它下降；在一轮上即蓝色曲线。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="124"/>
        <source>The error signal of hidden unit h, gathered from every output through its weights.</source>
        <translation>隐层单元 h 的误差信号，由各输出经其权重汇集而来。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="126"/>
        <source>The update of any weight or threshold p, made when every gradient of the iteration is known; accumulated and mini-batch BP use the batch&apos;s mean gradient.</source>
        <translation>任一权重或阈值 p 的更新量，在本次迭代的所有梯度都已知后进行；累积BP和小批量BP使用该批的平均梯度。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="138"/>
        <source>Input i of the sample shown: one feature of the data.</source>
        <translation>当前样本的第 i 个输入：数据的一个属性。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="139"/>
        <source>The circles on the left of the network, with the value under each.</source>
        <translation>网络左侧的圆圈，下方是各自的值。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="141"/>
        <source>The weight of the link from input i to hidden unit h.</source>
        <translation>从输入 i 到隐层单元 h 的连接权。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="144"/>
        <source>The threshold of hidden unit h, subtracted from its net input.</source>
        <translation>隐层单元 h 的阈值，从其输入中减去。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="146"/>
        <source>The net input of hidden unit h.</source>
        <translation>隐层单元 h 接收到的输入。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="147"/>
        <source>The output of hidden unit h; f is the activation.</source>
        <translation>隐层单元 h 的输出；f 为激活函数。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="149"/>
        <source>The weight of the link from hidden unit h to output j.</source>
        <translation>从隐层单元 h 到输出 j 的连接权。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="152"/>
        <source>The threshold of output j, subtracted from its net input.</source>
        <translation>输出 j 的阈值，从其输入中减去。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="154"/>
        <source>The net input of output j.</source>
        <translation>输出 j 接收到的输入。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="155"/>
        <source>Output j of the network: its prediction.</source>
        <translation>网络的第 j 个输出：它的预测。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="156"/>
        <source>The target of output j for the sample shown: its label.</source>
        <translation>当前样本在输出 j 上的目标：它的标记。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="157"/>
        <source>Beside its output unit.</source>
        <translation>在其输出单元旁边。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="158"/>
        <source>The error on sample k.</source>
        <translation>样本 k 上的误差。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="159"/>
        <source>The error curve&apos;s grey line, and the status bar.</source>
        <translation>误差曲线中的灰线，以及状态栏。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="161"/>
        <source>The error curve&apos;s blue line, and the status bar.</source>
        <translation>误差曲线中的蓝线，以及状态栏。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="162"/>
        <source>The error signal of output j: how the error falls as its net input grows.</source>
        <translation>输出 j 的误差信号：其输入增大时误差下降多少。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="165"/>
        <source>The learning rate: how far each update moves along the gradient.</source>
        <translation>学习率：每次更新沿梯度方向走多远。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="166"/>
        <source>Learning rate η in the settings.</source>
        <translation>设置中的学习率 η。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="168"/>
        <source>The gradient table&apos;s Δp column, and the end of the chain-rule panel.</source>
        <translation>梯度表的 Δp 列，以及链式法则面板的末尾。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="173"/>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="182"/>
        <source>The window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="182"/>
        <source>Symbols</source>
        <translation>符号</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="184"/>
        <source>bpgui trains a small feed-forward network with backpropagation and shows every number of every iteration in the notation of Zhou Zhihua&apos;s Machine Learning, chapter 5. Step makes one iteration, Step phase one part of it, Run keeps stepping and Step back undoes one iteration exactly.</source>
        <translation>bpgui 用反向传播训练一个小型前馈网络，并以周志华《机器学习》第 5 章的记号显示每次迭代的每个数值。“单步”做一次迭代，“单步阶段”做其中的一部分，“运行”持续迭代，“后退一步”精确地撤销一次迭代。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="191"/>
        <source>View → Text size makes every text larger, this guide&apos;s too, and Help → Keyboard shortcuts lists every key.</source>
        <translation>“视图 → 文字大小”可放大所有文字（包括本指南），“帮助 → 键盘快捷键”列出所有按键。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="194"/>
        <source>The symbols are the note&apos;s, for a network with one hidden layer: i counts the inputs, h the hidden units, j the outputs and k the samples. Each formula is drawn from the very expression the app computes with.</source>
        <translation>符号与讲义一致，针对单隐层网络：i 计数输入，h 计数隐层单元，j 计数输出，k 计数样本。每个公式都由程序计算时所用的同一个表达式画出。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="198"/>
        <source>Symbol</source>
        <translation>符号</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="198"/>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="198"/>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="199"/>
        <source>Where on screen</source>
        <translation>屏幕上的位置</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="255"/>
        <source>Not in a menu</source>
        <translation>不在菜单中</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="269"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="274"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="274"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/user_guide_text.py" line="275"/>
        <source>The keys of the menus&apos; commands, read from the menus themselves.</source>
        <translation>菜单命令的按键，直接从菜单中读出。</translation>
    </message>
</context>
<context>
    <name>WorksheetWindow</name>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="70"/>
        <source>Missed most: %1</source>
        <translation>最常出错：%1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="91"/>
        <source>Worksheet</source>
        <translation>练习表</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="107"/>
        <source>Level 1: one group to compute</source>
        <translation>第 1 级：计算一组</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="107"/>
        <source>Level 2: two groups</source>
        <translation>第 2 级：计算两组</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="108"/>
        <source>Level 3: three groups</source>
        <translation>第 3 级：计算三组</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="108"/>
        <source>Level 4: all of it (blank)</source>
        <translation>第 4 级：全部自己算（空白）</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="112"/>
        <source>Fade from the end backwards</source>
        <translation>从末尾往前隐去</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="113"/>
        <source>Fade from the start</source>
        <translation>从开头往后隐去</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="202"/>
        <source>Iteration t = %1, sample k = %2: x = (%3), y = (%4). Compute it; press Enter to check each value.</source>
        <translation>第 t = %1 次迭代，样本 k = %2：x = (%3)，y = (%4)。请计算，每填一个值按回车检查。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="206"/>
        <source>The network is large: the cells of the selected parameter&apos;s path.</source>
        <translation>网络较大：只列出所选参数所在路径上的各格。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="208"/>
        <source>The window shows this iteration&apos;s numbers already (at t = 0 and after an edit it shows the next one): cover them, or Step once.</source>
        <translation>窗口已经显示了这次迭代的数值（在 t = 0 和手动修改之后，窗口显示的是下一次迭代）：请遮住它们，或先单步一次。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="213"/>
        <source>From: %1</source>
        <translation>已知：%1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="214"/>
        <source>From the table&apos;s weights and thresholds now, and %1</source>
        <translation>用表格中当前的权值和阈值，以及 %1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="229"/>
        <source>Given at this level</source>
        <translation>本级别已给出</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="246"/>
        <source>Score: %1 of %2 right</source>
        <translation>得分：%2 次中答对 %1 次</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="261"/>
        <source>✓ Right: %1</source>
        <translation>✓ 正确：%1</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="265"/>
        <source>too high</source>
        <translation>偏大</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="265"/>
        <source>too low</source>
        <translation>偏小</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="265"/>
        <source>✗ Not right: %1.</source>
        <translation>✗ 不对：%1。</translation>
    </message>
    <message>
        <location filename="../../bpgui/views/worksheet_panel.py" line="267"/>
        <source>✗ Not right.</source>
        <translation>✗ 不对。</translation>
    </message>
</context>
</TS>
