// Package sampledata is the sample customer list of the Day 2 and Day 3 exercises: 100
// customers of a regional office-supplies distributor in Nanjing that belongs to the Huaning
// Group, whose other units are its internal customers. Trainers give it to participants who
// cannot bring a list of their own, for the value-tier and ABC worksheets (annual sales), the
// profitability and cost-to-serve matrix (gross profit, service cost, current profit), the
// value matrix (growth potential) and the credit and loyalty matrix (0-10 scores, as those
// worksheets score).
//
// The list is written as two CSV files, one per language, with the same numbers row for row:
// "CSV UTF-8" as Excel writes it (a byte order mark, CRLF line ends), no thousands
// separators. The files are generated from the table below; after changing it, rewrite them
// with
//
//	go test ./internal/sampledata -update
package sampledata

import (
	"bytes"
	"encoding/csv"
	"strconv"
)

// Files are the sample lists by language, as paths from the repository root.
var Files = map[string]string{
	"en":    "content/en/day-03-classifying-customers/sample-customers.csv",
	"zh-CN": "content/zh-CN/day-03-classifying-customers/sample-customers.csv",
}

// Type is why a customer buys (Day 3, Lesson 1).
type Type string

const (
	Consumer   Type = "consumer"
	Commercial Type = "commercial"
	Internal   Type = "internal"
)

// Region is the city of a customer's delivery address.
type Region string

const (
	Nanjing   Region = "Nanjing"
	Zhenjiang Region = "Zhenjiang"
	Yangzhou  Region = "Yangzhou"
	Changzhou Region = "Changzhou"
	Taizhou   Region = "Taizhou"
)

// Customer is one row of the list; money is in whole yuan over the last twelve months.
type Customer struct {
	Name, NameZH string
	Type         Type
	Region       Region
	Sales        int // annual sales
	GrossProfit  int // sales less the cost of the goods
	ServiceCost  int // delivery, visits, account management, returns and extras
	Orders       int // orders in the year
	Years        int // years as a customer
	Credit       int // credit standing, 0-10
	Loyalty      int // loyalty, 0-10
	Potential    int // growth potential (added value), 0-10
}

// CurrentProfit is the gross profit less the cost to serve.
func (c Customer) CurrentProfit() int { return c.GrossProfit - c.ServiceCost }

// headers are the column names by language. The ranking worksheets take the names from the
// first column headed like a name (Customer, 客户名称) and the values from the first headed
// like a value (Annual sales, 年销售额); No. and 编号 read as row numbers.
var headers = map[string][]string{
	"en": {"No.", "Customer", "Type", "Region", "Annual sales (yuan)", "Gross profit (yuan)", "Service cost (yuan)",
		"Current profit (yuan)", "Orders per year", "Years as customer", "Credit standing (0-10)", "Loyalty (0-10)",
		"Growth potential (0-10)"},
	"zh-CN": {"编号", "客户名称", "客户类型", "地区", "年销售额（元）", "毛利（元）", "服务成本（元）",
		"当前利润（元）", "年订单数", "合作年限（年）", "信用等级（0-10）", "忠诚度（0-10）", "增值潜力（0-10）"},
}

var typeNames = map[string]map[Type]string{
	"en":    {Consumer: "Consumer", Commercial: "Commercial", Internal: "Internal"},
	"zh-CN": {Consumer: "消费者客户", Commercial: "商业型客户", Internal: "内部客户"},
}

var regionNames = map[string]map[Region]string{
	"en":    {Nanjing: "Nanjing", Zhenjiang: "Zhenjiang", Yangzhou: "Yangzhou", Changzhou: "Changzhou", Taizhou: "Taizhou"},
	"zh-CN": {Nanjing: "南京", Zhenjiang: "镇江", Yangzhou: "扬州", Changzhou: "常州", Taizhou: "泰州"},
}

// CSV returns the list in lang ("en" or "zh-CN") as the file holds it, or nil for another
// language.
func CSV(lang string) []byte {
	head, ok := headers[lang]
	if !ok {
		return nil
	}
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.Write(head)
	for i, c := range Customers {
		name := c.Name
		if lang == "zh-CN" {
			name = c.NameZH
		}
		_ = w.Write([]string{
			strconv.Itoa(i + 1), name, typeNames[lang][c.Type], regionNames[lang][c.Region],
			strconv.Itoa(c.Sales), strconv.Itoa(c.GrossProfit), strconv.Itoa(c.ServiceCost), strconv.Itoa(c.CurrentProfit()),
			strconv.Itoa(c.Orders), strconv.Itoa(c.Years), strconv.Itoa(c.Credit), strconv.Itoa(c.Loyalty), strconv.Itoa(c.Potential),
		})
	}
	w.Flush()
	return b.Bytes()
}

// Customers is the list in customer-number order, the oldest customers first. Sales are
// heavily skewed (the top customer about 18% of the total, the top five about half, the
// top twenty about 82%), so the value tiers come out 1, 4, 15 and 80 and the ABC classes
// 19, 25 and 56; seven customers cost more to serve than they earn.
var Customers = []Customer{
	// Name, NameZH, Type, Region, Sales, GrossProfit, ServiceCost, Orders, Years, Credit, Loyalty, Potential
	{"Huaning Group Head Office", "华宁集团总部", Internal, Nanjing, 858360, 70386, 27440, 96, 19, 10, 9, 3},
	{"Wenhui Stationery Chain", "文汇文具连锁", Commercial, Nanjing, 1046780, 98397, 42426, 204, 17, 8, 6, 5},
	{"Huaning Hotel", "华宁大酒店", Internal, Nanjing, 386205, 35531, 20335, 140, 16, 9, 8, 4},
	{"Nanjing Boya Printing", "南京博雅印务", Commercial, Nanjing, 287310, 32179, 15894, 96, 15, 6, 7, 2},
	{"Boxue Bookshop", "博学书店", Commercial, Zhenjiang, 29659, 3262, 2593, 26, 15, 5, 9, 2},
	{"Changzhou Hengli Machinery", "常州恒力机械", Commercial, Changzhou, 44310, 7976, 2797, 20, 14, 7, 8, 2},
	{"Ruikang Hospital Group", "瑞康医院集团", Commercial, Nanjing, 1862430, 257015, 57929, 168, 14, 9, 8, 7},
	{"Tongda Copy Centre", "通达图文快印", Commercial, Nanjing, 57291, 6875, 5441, 52, 13, 5, 8, 2},
	{"Huaning Property Management", "华宁物业管理", Internal, Nanjing, 263480, 23186, 16804, 118, 13, 9, 9, 5},
	{"Yangzhou Shuguang Middle School", "扬州曙光中学", Commercial, Yangzhou, 352940, 62117, 7507, 22, 12, 9, 9, 3},
	{"Huaning Logistics", "华宁物流", Internal, Nanjing, 127460, 10962, 9716, 76, 12, 8, 9, 4},
	{"Xiaoqiao Stationery Shop", "小桥文具店", Commercial, Yangzhou, 14834, 1854, 1759, 18, 12, 5, 8, 2},
	{"Qixia Vocational College", "栖霞职业技术学院", Commercial, Nanjing, 612540, 102907, 21822, 38, 11, 7, 8, 6},
	{"Qingyuan Architectural Design", "清远建筑设计院", Commercial, Nanjing, 73366, 16874, 3274, 22, 11, 9, 8, 3},
	{"Jinqiao Hardware Store", "金桥五金店", Commercial, Taizhou, 23052, 2997, 1804, 16, 11, 6, 7, 2},
	{"Xiangyang Primary School", "向阳小学", Commercial, Nanjing, 42503, 8926, 1575, 10, 10, 10, 9, 2},
	{"Dingxin Law Firm", "鼎信律师事务所", Commercial, Nanjing, 197845, 40558, 11561, 52, 10, 9, 8, 4},
	{"Huaning Supermarkets", "华宁超市", Internal, Nanjing, 96689, 7542, 9074, 96, 10, 8, 7, 6},
	{"Yongxin Furniture Factory", "永鑫家具厂", Commercial, Changzhou, 17810, 3206, 1402, 10, 10, 3, 6, 2},
	{"Changzhou Jiuzhou Auto Parts", "常州九州汽配", Commercial, Changzhou, 86050, 14629, 4538, 26, 9, 6, 5, 4},
	{"Huaning Catering Services", "华宁餐饮服务", Internal, Nanjing, 24921, 2492, 2206, 30, 9, 9, 8, 3},
	{"Mingde Accounting Firm", "明德会计师事务所", Commercial, Nanjing, 118930, 25451, 7076, 30, 9, 10, 8, 4},
	{"Hengtong Bank Nanjing Branch", "恒通银行南京分行", Commercial, Nanjing, 736915, 112011, 35181, 72, 9, 10, 4, 6},
	{"Huang Lei", "黄磊", Consumer, Nanjing, 8245, 2556, 325, 6, 9, 10, 8, 2},
	{"Taizhou Shengda Packaging", "泰州盛达包装", Commercial, Taizhou, 34321, 5835, 2106, 14, 9, 6, 6, 4},
	{"Gao Feng", "高峰", Consumer, Nanjing, 4169, 1251, 228, 4, 8, 10, 8, 2},
	{"Changzhou Tianyi Electronics", "常州天逸电子", Commercial, Changzhou, 418760, 66164, 13895, 60, 8, 8, 7, 8},
	{"Anxin Insurance Nanjing Office", "安信保险南京营业部", Commercial, Nanjing, 138215, 26537, 8338, 34, 8, 9, 5, 5},
	{"Huamei Photo Studio", "华美摄影工作室", Commercial, Nanjing, 18866, 4151, 1414, 12, 8, 7, 6, 3},
	{"Kaiyuan Home Appliances", "开元家电商行", Commercial, Zhenjiang, 47870, 5744, 2587, 22, 8, 7, 4, 3},
	{"Wang Li", "王丽", Consumer, Nanjing, 12219, 3666, 418, 7, 8, 10, 9, 3},
	{"Huaning Training Centre", "华宁培训中心", Internal, Nanjing, 60922, 4265, 6370, 64, 8, 9, 7, 3},
	{"Hu Bin", "胡斌", Consumer, Changzhou, 5321, 1596, 230, 4, 7, 9, 8, 2},
	{"Changzhou Lixing Office Supplies", "常州立兴办公用品", Commercial, Changzhou, 176290, 17276, 11790, 64, 7, 3, 3, 4},
	{"Dongfang Driving School", "东方驾校", Commercial, Taizhou, 17475, 3670, 1114, 8, 7, 7, 5, 3},
	{"Tianhe Community Health Centre", "天河社区卫生服务中心", Commercial, Nanjing, 27230, 5718, 1788, 12, 7, 10, 8, 3},
	{"Haoyun Travel Agency", "好运旅行社", Commercial, Yangzhou, 77334, 16240, 3336, 20, 7, 7, 6, 3},
	{"Little Star Kindergarten", "小星星幼儿园", Commercial, Nanjing, 91829, 20202, 3403, 18, 7, 9, 8, 5},
	{"Li Qiang", "李强", Consumer, Yangzhou, 10071, 3223, 290, 5, 7, 9, 7, 2},
	{"Zhou Ming", "周明", Consumer, Nanjing, 15746, 4881, 572, 9, 6, 9, 8, 4},
	{"Mingyue Tea House", "明月茶楼", Commercial, Yangzhou, 36332, 7993, 2662, 24, 6, 8, 7, 3},
	{"Baicao Pharmacy Chain", "百草大药房", Commercial, Zhenjiang, 74919, 13485, 5175, 36, 6, 8, 4, 6},
	{"Taizhou Jinding Construction", "泰州金鼎建设", Commercial, Taizhou, 53455, 10156, 2793, 18, 6, 2, 4, 5},
	{"Yangzhou Jinhui Hotel", "扬州金汇酒店", Commercial, Yangzhou, 149870, 26377, 27359, 230, 6, 3, 7, 3},
	{"Anle Care Home", "安乐养老院", Commercial, Zhenjiang, 20309, 4265, 1245, 10, 6, 8, 8, 6},
	{"Zhenjiang Xinda Logistics", "镇江信达物流", Commercial, Zhenjiang, 318665, 54492, 15141, 84, 6, 4, 6, 7},
	{"Xinxin Laundry", "欣欣洗衣店", Commercial, Zhenjiang, 4433, 975, 806, 8, 6, 7, 7, 2},
	{"Xu Tao", "徐涛", Consumer, Nanjing, 7009, 2103, 290, 5, 6, 10, 7, 2},
	{"Fuxing Convenience Store", "福星便利店", Commercial, Taizhou, 9627, 1396, 1095, 12, 6, 5, 5, 3},
	{"Xie Wen", "谢文", Consumer, Zhenjiang, 2801, 868, 165, 3, 6, 9, 7, 2},
	{"Fumanlou Restaurant", "福满楼酒家", Commercial, Yangzhou, 50462, 10597, 3298, 30, 5, 6, 6, 3},
	{"Yuanfang Translation Services", "远方翻译服务", Commercial, Nanjing, 30708, 6756, 2105, 18, 5, 8, 6, 4},
	{"Sunshine Kindergarten", "阳光幼儿园", Commercial, Changzhou, 13456, 2960, 813, 6, 5, 9, 7, 4},
	{"Zhao Min", "赵敏", Consumer, Changzhou, 8686, 2866, 251, 4, 5, 9, 6, 3},
	{"Liang Chen", "梁晨", Consumer, Changzhou, 3218, 965, 161, 3, 5, 9, 6, 2},
	{"Guo Ping", "郭平", Consumer, Nanjing, 5050, 1666, 172, 3, 5, 9, 6, 2},
	{"Taizhou Hongsheng Pharmaceutical", "泰州宏晟制药", Commercial, Taizhou, 241975, 39684, 9924, 28, 5, 9, 3, 8},
	{"Jiale Noodle House", "佳乐面馆", Commercial, Yangzhou, 5971, 1254, 988, 10, 5, 6, 6, 2},
	{"Landun Security Services", "蓝盾保安服务", Commercial, Nanjing, 85213, 16190, 3553, 24, 5, 5, 4, 5},
	{"Liu Fang", "刘芳", Consumer, Nanjing, 14049, 4496, 460, 8, 5, 10, 7, 3},
	{"Sun Hong", "孙红", Consumer, Taizhou, 6580, 2171, 241, 4, 4, 9, 6, 3},
	{"Pan Wei", "潘伟", Consumer, Nanjing, 1817, 563, 114, 2, 4, 9, 5, 2},
	{"Xinyu Advertising", "新宇广告", Commercial, Changzhou, 25893, 5179, 6314, 60, 4, 4, 3, 5},
	{"Heping Flower Shop", "和平花店", Commercial, Nanjing, 11050, 2431, 3656, 40, 4, 6, 7, 3},
	{"Xinhe Property Agency", "鑫和房产中介", Commercial, Nanjing, 65712, 13142, 6773, 48, 4, 4, 3, 4},
	{"Chen Jing", "陈静", Consumer, Nanjing, 10608, 3288, 368, 6, 4, 10, 6, 3},
	{"He Jie", "何杰", Consumer, Yangzhou, 4286, 1372, 172, 3, 4, 9, 5, 3},
	{"Jiahe Decoration", "佳和装饰", Commercial, Nanjing, 39804, 7563, 3247, 26, 4, 3, 4, 5},
	{"Zhenjiang Renhe Hospital", "镇江仁和医院", Commercial, Zhenjiang, 161520, 26005, 10828, 40, 4, 7, 5, 8},
	{"Feng Gang", "冯刚", Consumer, Yangzhou, 2584, 775, 126, 2, 4, 8, 5, 2},
	{"Ziteng Training School", "紫藤培训学校", Commercial, Nanjing, 65689, 14452, 3398, 24, 3, 6, 6, 8},
	{"Meili Hair Salon", "美丽发廊", Commercial, Nanjing, 3232, 776, 2072, 24, 3, 5, 5, 2},
	{"Wu Xia", "吴霞", Consumer, Zhenjiang, 7542, 2413, 250, 4, 3, 9, 5, 3},
	{"Ruixing Car Rental", "瑞行汽车租赁", Commercial, Nanjing, 38687, 7737, 2250, 16, 3, 7, 4, 7},
	{"Yinhe Dental Clinic", "银河口腔诊所", Commercial, Changzhou, 55558, 13334, 2115, 14, 3, 8, 5, 7},
	{"Zhang Wei", "张伟", Consumer, Zhenjiang, 12134, 4004, 350, 6, 3, 9, 5, 5},
	{"Han Xue", "韩雪", Consumer, Nanjing, 2675, 856, 116, 2, 3, 10, 4, 3},
	{"Peng Fei", "彭飞", Consumer, Taizhou, 2235, 693, 116, 2, 3, 9, 4, 2},
	{"Tang Hui", "唐辉", Consumer, Taizhou, 3585, 1111, 181, 3, 3, 8, 5, 3},
	{"Meijia Beauty Salon", "美佳美容院", Commercial, Yangzhou, 21841, 5023, 1659, 14, 3, 6, 3, 5},
	{"Nanjing Yunfan Software", "南京云帆软件", Commercial, Nanjing, 218630, 40884, 10920, 46, 3, 8, 6, 9},
	{"Zhu Lin", "朱琳", Consumer, Nanjing, 5724, 1832, 251, 4, 3, 10, 5, 4},
	{"Cao Li", "曹丽", Consumer, Nanjing, 2416, 797, 118, 2, 2, 10, 3, 4},
	{"Kaixin Tutoring Centre", "开心课外辅导中心", Commercial, Nanjing, 7937, 1746, 855, 8, 2, 6, 4, 7},
	{"Lianchuang Tech Services", "联创科技服务", Commercial, Nanjing, 15992, 3518, 1397, 10, 2, 6, 4, 8},
	{"Yuan Bo", "袁博", Consumer, Zhenjiang, 1704, 511, 67, 1, 2, 8, 3, 2},
	{"Lin Yan", "林燕", Consumer, Nanjing, 4837, 1499, 172, 3, 2, 10, 4, 5},
	{"Zheng Yu", "郑宇", Consumer, Nanjing, 3510, 1123, 144, 2, 2, 10, 4, 6},
	{"Yang Yang", "杨洋", Consumer, Nanjing, 9302, 2791, 296, 5, 2, 10, 4, 6},
	{"Zeng Qing", "曾青", Consumer, Nanjing, 2061, 660, 125, 2, 2, 10, 3, 3},
	{"Future Startup Park", "未来创业园", Commercial, Nanjing, 21293, 4684, 1660, 12, 2, 8, 5, 9},
	{"Kangjian Physiotherapy Clinic", "康健理疗诊所", Commercial, Nanjing, 33035, 7598, 1697, 12, 2, 7, 5, 7},
	{"Deng Hao", "邓浩", Consumer, Nanjing, 2338, 701, 1196, 6, 1, 4, 2, 3},
	{"Cai Ning", "蔡宁", Consumer, Nanjing, 1546, 495, 73, 1, 1, 9, 2, 3},
	{"Luo Na", "罗娜", Consumer, Nanjing, 3958, 1306, 138, 2, 1, 9, 3, 5},
	{"Song Jia", "宋佳", Consumer, Nanjing, 2897, 956, 122, 2, 1, 10, 2, 5},
	{"Du Juan", "杜娟", Consumer, Nanjing, 1708, 564, 70, 1, 1, 10, 2, 3},
	{"Ma Jun", "马军", Consumer, Nanjing, 6123, 1898, 209, 3, 1, 10, 3, 6},
	{"Jiang Tao", "蒋涛", Consumer, Yangzhou, 1527, 473, 68, 1, 1, 10, 1, 2},
	{"Lu Yao", "陆瑶", Consumer, Changzhou, 1982, 595, 83, 1, 1, 9, 2, 4},
}
